"use client";
import { useRouter } from "next/navigation";

export function OrgSwitcher({ current, organizations }: { current: string; organizations: Array<{ slug: string; name: string }> }) {
  const router = useRouter();
  return (
    <label className="grid gap-1 text-xs text-sidebar-muted">
      <span className="uppercase tracking-wide">Clinic</span>
      <select
        aria-label="Switch clinic"
        className="w-full rounded-md border border-white/10 bg-sidebar-accent px-2 py-1.5 text-sm text-sidebar-foreground focus:outline-none focus:ring-2 focus:ring-ring"
        value={current}
        onChange={(e) => router.push(`/o/${e.target.value}/schedule`)}
      >
        {organizations.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
