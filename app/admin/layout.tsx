import { AppShell } from "@/app/_components/app-shell";
import { requirePlatformPage } from "@/lib/http/require-org-page";
import { listMyOrganizations } from "@/lib/organizations/list-my-organizations";
import { NavLink } from "@/app/_components/nav-link";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { user, db } = await requirePlatformPage();
  const organizations = await listMyOrganizations(db, user);
  const first = organizations.find((o) => o.role !== null) ?? organizations[0];
  return (
    <AppShell orgSlug={first?.slug ?? null} organizations={organizations} user={user} roleLabel="Platform administrator">
      <nav aria-label="Admin" className="no-print mb-6 flex flex-wrap gap-1 border-b pb-2">
        <NavLink variant="tabs" href="/admin/organizations">Clinics</NavLink>
        <NavLink variant="tabs" href="/admin/members">Members</NavLink>
        <NavLink variant="tabs" href="/admin/jobs">Jobs</NavLink>
        <NavLink variant="tabs" href="/admin/reports">Reports</NavLink>
        <NavLink variant="tabs" href="/admin/audit-log">Audit log</NavLink>
      </nav>
      {children}
    </AppShell>
  );
}
