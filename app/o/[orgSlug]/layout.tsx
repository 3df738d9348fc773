import { AppShell, roleLabels } from "@/app/_components/app-shell";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { listMyOrganizations } from "@/lib/organizations/list-my-organizations";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { user, db, role, organization } = await requireOrgPage(orgSlug, "settings.read");
  const organizations = await listMyOrganizations(db, user);
  return (
    <AppShell
      orgSlug={organization.slug}
      organizations={organizations}
      user={user}
      roleLabel={role ? roleLabels[role]! : "Platform administrator"}
    >
      {organization.status === "suspended" ? (
        <div className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          This clinic is suspended. Only platform administrators can open it.
        </div>
      ) : null}
      {children}
    </AppShell>
  );
}
