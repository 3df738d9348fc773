"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const sections = [
  { path: "", label: "Clinic and members" },
  { path: "/prep-sheet", label: "Prep sheet" },
  { path: "/screening-timing", label: "Screening timing" },
  { path: "/write-back", label: "Write-back to Epic" },
  { path: "/epic-sync", label: "Epic sync" },
  { path: "/sessions", label: "Sessions" },
];

export function SettingsNav({ orgSlug, showEpic }: { orgSlug: string; showEpic: boolean }) {
  const pathname = usePathname();
  const base = `/o/${orgSlug}/settings`;
  const links = showEpic ? [...sections, { path: "/epic", label: "Epic connection" }] : sections;
  return (
    <nav aria-label="Settings sections" className="mb-6 flex flex-wrap gap-1 border-b pb-2">
      {links.map(({ path, label }) => {
        const href = `${base}${path}`;
        const active = pathname === href;
        return (
          <Link
            key={path}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm transition-colors",
              active ? "bg-accent font-medium text-accent-foreground" : "text-muted-foreground hover:bg-muted hover:text-foreground",
            )}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
