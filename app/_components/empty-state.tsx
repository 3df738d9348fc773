import type { LucideIcon } from "lucide-react";

export function EmptyState({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children?: React.ReactNode }) {
  return (
    <div className="grid place-items-center rounded-xl border border-dashed bg-card px-6 py-16 text-center">
      <Icon className="mb-3 size-10 text-muted-foreground/60" aria-hidden />
      <h2 className="text-base font-medium">{title}</h2>
      {children ? <div className="mt-1 max-w-md text-sm text-muted-foreground">{children}</div> : null}
    </div>
  );
}
