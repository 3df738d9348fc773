import { AppShell } from "@/app/_components/app-shell";
import { roleLabels } from "@/app/_components/role-labels";
import { getMembershipsOfUser } from "@/lib/auth/get-memberships-of-user";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { listMyOrganizations } from "@/lib/organizations/list-my-organizations";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { user, db, role, organization } = await requireOrgPage(orgSlug, "settings.read");
  // A member's clinics are the memberships the session check already read in this request.
  const organizations = user.isPlatformAdmin
    ? await listMyOrganizations(db, user)
    : (await getMembershipsOfUser(db, user.userId)).map((m) => ({ slug: m.organization.slug, name: m.organization.name, role: m.role as string | null }));
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
