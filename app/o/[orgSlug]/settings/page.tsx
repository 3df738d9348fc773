import type { Metadata } from "next";
import Link from "next/link";
import { roleLabels } from "@/app/_components/role-labels";
import { MembersTable } from "@/app/_components/members-table";
import { PageHeader } from "@/app/_components/page-header";
import { SectionCard } from "@/app/_components/section-card";
import { Badge } from "@/components/ui/badge";
import { hasPermission } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { listMembers } from "@/lib/organizations/list-members";
import { SettingsNav } from "./_components/settings-nav";
import { MemberInviteForm } from "./member-invite-form";
import { MemberRemoveForm } from "./member-remove-form";
import { MemberRoleForm } from "./member-role-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, db, role, actor } = await requireOrgPage(orgSlug, "members.read");
  const members = await listMembers(db, { organizationId: organization.id });
  const canManage = hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, "members.manage");
  const canManageEpic = hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, "epic_connection.manage");
  return (
    <>
      <PageHeader title="Settings" description={organization.name} />
      <SettingsNav orgSlug={organization.slug} showEpic={canManageEpic} />
      <div className="grid gap-6">
        <SectionCard title="Clinic" description={'Dates and "today" are computed in the clinic\'s time zone.'}>
          <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{organization.name}</dd>
            <dt className="text-muted-foreground">Address</dt>
            <dd className="font-mono">/o/{organization.slug}</dd>
            <dt className="text-muted-foreground">Time zone</dt>
            <dd>{organization.timeZone}</dd>
            {/* Only those who may open the Epic page get a link to it (for others it answers 404). */}
            {canManageEpic ? (
              <>
                <dt className="text-muted-foreground">Epic</dt>
                <dd>
                  <Link className="text-primary underline-offset-4 hover:underline" href={`/o/${organization.slug}/settings/epic`}>
                    Epic connection settings
                  </Link>
                </dd>
              </>
            ) : null}
            <dt className="text-muted-foreground">Status</dt>
            <dd>
              <Badge variant={organization.status === "active" ? "success" : "warning"}>{organization.status}</Badge>
            </dd>
          </dl>
        </SectionCard>
        <SectionCard title="Members" description="Changing a role or removing a member signs that person out so the change applies at once.">
          <MembersTable
            members={members}
            rowTestId="member-row"
            role={(m) => (canManage && m.userId !== actor.userId ? <MemberRoleForm orgSlug={organization.slug} membershipId={m.membershipId} role={m.role} /> : roleLabels[m.role])}
            action={
              canManage
                ? { label: "Remove", cell: (m) => (m.userId !== actor.userId ? <MemberRemoveForm orgSlug={organization.slug} membershipId={m.membershipId} name={m.name ?? m.email ?? "member"} /> : null) }
                : undefined
            }
          />
        </SectionCard>
        {canManage ? (
          <SectionCard
            title="Add a member"
            description="HealthPrep sends no email and has no set-password link. Someone who already has a HealthPrep account (another clinic) keeps signing in as before. A new person gets an account without a password and signs in with Epic: enter their Epic user (fhirUser, e.g. Practitioner/abc123) so their first Epic sign-in opens this account with the role chosen here. Without it, Epic sign-in makes them a separate account with the provider role."
          >
            <MemberInviteForm orgSlug={organization.slug} />
          </SectionCard>
        ) : null}
      </div>
    </>
  );
}
