import Link from "next/link";
import { cn } from "@/lib/utils";

const options = [
  { who: "me", label: "My patients" },
  { who: "clinic", label: "Whole clinic" },
] as const;

/** "For me or my clinic" as two links (a searchParam), so the choice survives reloads and can be shared. */
export function WhoToggle({ base, date, who }: { base: string; date: string; who: "me" | "clinic" }) {
  return (
    <nav aria-label="Whose appointments" className="inline-flex rounded-md border bg-muted p-0.5" data-testid="who-toggle">
      {options.map((option) => (
        <Link
          key={option.who}
          href={`${base}?date=${date}&who=${option.who}`}
          aria-current={option.who === who ? "page" : undefined}
          className={cn(
            "rounded-sm px-3 py-1 text-sm font-medium text-muted-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring",
            option.who === who && "bg-background text-foreground shadow-sm",
          )}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}
