import { CalendarDays, ClipboardCheck, KeyRound, LogOut, MonitorX, Settings, ShieldCheck, Stethoscope, Users } from "lucide-react";
import Link from "next/link";
import { signOutAction, signOutEverywhereAction } from "@/app/(auth)/actions";
import { NavLink } from "./nav-link";
import { OrgSwitcher } from "./org-switcher";

type ShellProps = {
  orgSlug: string | null;
  organizations: Array<{ slug: string; name: string }>;
  user: { name: string | null; email: string | null; isPlatformAdmin: boolean };
  roleLabel: string;
  children: React.ReactNode;
};

export function AppShell({ orgSlug, organizations, user, roleLabel, children }: ShellProps) {
  const base = orgSlug ? `/o/${orgSlug}` : null;
  return (
    <div className="flex min-h-screen">
      <aside className="no-print flex w-60 shrink-0 flex-col gap-6 bg-sidebar p-4 text-sidebar-foreground">
        <div className="flex items-center gap-2 px-1 text-white">
          <Stethoscope className="size-5" aria-hidden />
          <span className="text-lg font-semibold tracking-tight">HealthPrep</span>
        </div>
        {orgSlug && organizations.length > 0 ? <OrgSwitcher current={orgSlug} organizations={organizations} /> : null}
        <nav aria-label="Main" className="grid gap-1">
          {base ? (
            <>
              <NavLink href={`${base}/schedule`}><CalendarDays aria-hidden />Schedule</NavLink>
              <NavLink href={`${base}/patients`}><Users aria-hidden />Patients</NavLink>
              <NavLink href={`${base}/screenings`}><ClipboardCheck aria-hidden />Screenings</NavLink>
              <NavLink href={`${base}/settings`}><Settings aria-hidden />Settings</NavLink>
            </>
          ) : null}
          {user.isPlatformAdmin ? <NavLink href="/admin"><ShieldCheck aria-hidden />Admin</NavLink> : null}
        </nav>
        <div className="mt-auto grid gap-2 border-t border-white/10 pt-4 text-sm">
          <div>
            <div className="font-medium text-white" data-testid="current-user">{user.name ?? user.email}</div>
            <div className="text-xs text-sidebar-muted">{roleLabel}</div>
          </div>
          <Link href="/account" className="flex items-center gap-2 text-xs text-sidebar-muted hover:text-white">
            <KeyRound className="size-3.5" aria-hidden /> Account
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="flex items-center gap-2 text-xs text-sidebar-muted hover:text-white">
              <LogOut className="size-3.5" aria-hidden /> Sign out
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="flex items-center gap-2 text-xs text-sidebar-muted hover:text-white">
              <MonitorX className="size-3.5" aria-hidden /> Sign out everywhere
            </button>
          </form>
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}

export const roleLabels: Record<string, string> = {
  org_admin: "Clinic administrator",
  provider: "Provider",
  staff: "Staff",
};
