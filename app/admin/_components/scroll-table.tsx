/**
 * A table that may scroll sideways inside its own box (never the page). The box is a labelled,
 * focusable region so keyboard users can scroll it too (axe scrollable-region-focusable).
 */
export function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative w-full overflow-x-auto rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
      <table className="w-full caption-bottom text-sm">{children}</table>
    </div>
  );
}
