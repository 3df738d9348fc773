import { CalendarDays, ClipboardCheck, KeyRound, LogOut, MonitorX, Settings, ShieldCheck, Stethoscope, Users } from "lucide-react";
import Link from "next/link";
import { signOutAction, signOutEverywhereAction } from "@/app/(auth)/actions";
import { CollapsibleSidebar } from "./collapsible-sidebar";
import { NavLink } from "./nav-link";
import { OrgSwitcher } from "./org-switcher";

type ShellProps = {
  orgSlug: string | null;
  organizations: Array<{ slug: string; name: string }>;
  user: { name: string | null; email: string | null; isPlatformAdmin: boolean };
  roleLabel: string;
  children: React.ReactNode;
};

// Below 1024 px the sidebar is a rail of icons until opened: labels are read out but not shown.
const navLabel = "max-lg:sr-only max-lg:group-data-[expanded=true]:not-sr-only";
const wideOnly = "max-lg:hidden max-lg:group-data-[expanded=true]:block";

export function AppShell({ orgSlug, organizations, user, roleLabel, children }: ShellProps) {
  const base = orgSlug ? `/o/${orgSlug}` : null;
  return (
    <div className="flex min-h-screen">
      <CollapsibleSidebar>
        <div className="flex items-center gap-2 px-1 text-white max-lg:px-2">
          <Stethoscope className="size-5 shrink-0" aria-hidden />
          <span className={`text-lg font-semibold tracking-tight ${navLabel}`}>HealthPrep</span>
        </div>
        {orgSlug && organizations.length > 0 ? <div className={wideOnly}><OrgSwitcher current={orgSlug} organizations={organizations} /></div> : null}
        <nav aria-label="Main" className="grid gap-1">
          {base ? (
            <>
              <NavLink href={`${base}/schedule`}><CalendarDays aria-hidden /><span className={navLabel}>Schedule</span></NavLink>
              <NavLink href={`${base}/patients`}><Users aria-hidden /><span className={navLabel}>Patients</span></NavLink>
              <NavLink href={`${base}/screenings`}><ClipboardCheck aria-hidden /><span className={navLabel}>Screenings</span></NavLink>
              <NavLink href={`${base}/settings`}><Settings aria-hidden /><span className={navLabel}>Settings</span></NavLink>
            </>
          ) : null}
          {user.isPlatformAdmin ? <NavLink href="/admin"><ShieldCheck aria-hidden /><span className={navLabel}>Admin</span></NavLink> : null}
        </nav>
        <div className="mt-auto grid gap-2 border-t border-white/10 pt-4 text-sm max-lg:px-2">
          <div className={navLabel}>
            <div className="font-medium text-white" data-testid="current-user">{user.name ?? user.email}</div>
            <div className="text-xs text-sidebar-muted">{roleLabel}</div>
          </div>
          <Link href="/account" className="flex items-center gap-2 text-xs text-sidebar-muted hover:text-white">
            <KeyRound className="size-3.5 shrink-0" aria-hidden /> <span className={navLabel}>Account</span>
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="flex items-center gap-2 text-xs text-sidebar-muted hover:text-white">
              <LogOut className="size-3.5 shrink-0" aria-hidden /> <span className={navLabel}>Sign out</span>
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="flex items-center gap-2 text-xs text-sidebar-muted hover:text-white">
              <MonitorX className="size-3.5 shrink-0" aria-hidden /> <span className={navLabel}>Sign out everywhere</span>
            </button>
          </form>
        </div>
      </CollapsibleSidebar>
      <main className="min-w-0 flex-1 px-4 py-6 md:px-6 lg:px-8">{children}</main>
    </div>
  );
}
