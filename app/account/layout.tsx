import { AppShell } from "@/app/_components/app-shell";
import { roleLabels } from "@/app/_components/role-labels";
import { requireSignedInPage } from "@/lib/http/require-org-page";
import { listMyOrganizations } from "@/lib/organizations/list-my-organizations";

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const { user, db } = await requireSignedInPage("/account");
  const organizations = await listMyOrganizations(db, user);
  const own = organizations.find((o) => o.role !== null);
  const roleLabel = own?.role ? (roleLabels[own.role] ?? own.role) : user.isPlatformAdmin ? "Platform administrator" : "Signed in";
  return (
    <AppShell orgSlug={(own ?? organizations[0])?.slug ?? null} organizations={organizations} user={user} roleLabel={roleLabel}>
      {children}
    </AppShell>
  );
}
