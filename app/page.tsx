import { redirect } from "next/navigation";
import { requireSignedInPage } from "@/lib/http/require-org-page";
import { listMyOrganizations } from "@/lib/organizations/list-my-organizations";

// Home: the first clinic's schedule, or the console for a platform admin with no clinic of their own.
export default async function HomePage() {
  const { user, db } = await requireSignedInPage();
  const orgs = await listMyOrganizations(db, user);
  const own = orgs.find((o) => o.role !== null);
  if (own) redirect(`/o/${own.slug}/schedule`);
  if (user.isPlatformAdmin) redirect("/admin");
  redirect("/sign-in?error=NoMembership");
}
