import "server-only";
import type { Db } from "@/db/client";
import { listUsersWithMemberships } from "@/db/queries/organizations";
import type { MemberRole } from "@/db/schema/organizations";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";

export type PlatformMember = {
  userId: string;
  name: string | null;
  email: string | null;
  isPlatformAdmin: boolean;
  disabled: boolean;
  twoFactor: boolean;
  clinics: { organizationId: string; name: string; slug: string; role: MemberRole }[];
};

/** Every user with their clinics and roles (staff accounts only; no patient data). Audited as a listing. */
export async function listPlatformMembers(db: Db, input: { search?: string }, audit: AuditContext): Promise<PlatformMember[]> {
  const rows = await listUsersWithMemberships(db, input.search ? { search: input.search } : {});
  const byUser = new Map<string, PlatformMember>();
  for (const row of rows) {
    const member = byUser.get(row.userId) ?? {
      userId: row.userId,
      name: row.name,
      email: row.email,
      isPlatformAdmin: row.isPlatformAdmin,
      disabled: row.disabledAt !== null,
      twoFactor: row.totpEnabledAt !== null,
      clinics: [],
    };
    if (row.organizationId && row.role) {
      member.clinics.push({ organizationId: row.organizationId, name: row.organizationName ?? "", slug: row.organizationSlug ?? "", role: row.role });
    }
    byUser.set(row.userId, member);
  }
  const members = [...byUser.values()];
  await recordAuditEvent(db, audit, { action: "members.listed", metadata: { scope: "platform", searched: Boolean(input.search), count: members.length } });
  return members;
}
