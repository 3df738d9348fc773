import "server-only";
import type { Db } from "@/db/client";
import { findAccount, insertAccount } from "@/db/queries/accounts";
import { findEhrConnection } from "@/db/queries/ehr-connections";
import { findMembership, insertMembership } from "@/db/queries/organizations";
import { findUserByEmail, insertUser } from "@/db/queries/users";
import type { MemberRole } from "@/db/schema/organizations";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { createId, type Id } from "@/lib/ids";

export type InviteMemberInput = {
  organizationId: Id<"organization">;
  actorUserId: string;
  email: string;
  name: string;
  role: MemberRole;
  /** Epic fhirUser (absolute, or "Practitioner/<id>" relative to the clinic's FHIR base). */
  epicUser: string | null;
};

/**
 * Adds a person to a clinic by email. HealthPrep sends no email and has no set-password flow, so a
 * new user gets no password: they sign in with Epic, and the optional Epic identity is linked the way
 * Epic sign-in looks people up (account `epic:<clinic>` + fhirUser), so their first Epic sign-in opens
 * this user with the chosen role. Someone who already has a HealthPrep account keeps their sign-in.
 */
export async function inviteMember(db: Db, input: InviteMemberInput, audit: Omit<AuditContext, "organizationId" | "actorUserId">) {
  const { organizationId } = input;
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, input.email);
    if (existing?.disabledAt) {
      throw new AppError("conflict", "invited user is disabled", { publicMessage: "That account is disabled and cannot be added." });
    }
    if (existing && (await findMembership(tx, organizationId, existing.id))) {
      throw new AppError("conflict", "already a member", { publicMessage: `${input.email} is already a member of this clinic.` });
    }
    const user = existing ?? (await insertUser(tx, { id: createId("user"), name: input.name, email: input.email.toLowerCase() }));

    let epicLinked = false;
    if (input.epicUser) {
      const provider = `epic:${organizationId}`;
      const identity = await resolveEpicIdentity(tx, organizationId, input.epicUser);
      const account = await findAccount(tx, provider, identity);
      if (account && account.userId !== user.id) {
        throw new AppError("conflict", "epic identity linked to another user", {
          publicMessage: "That Epic user already signs in to this clinic as another HealthPrep user.",
        });
      }
      if (!account) await insertAccount(tx, { userId: user.id, provider, providerAccountId: identity });
      epicLinked = true;
    }

    const membership = await insertMembership(tx, { id: createId("membership"), organizationId, userId: user.id, role: input.role });
    await recordAuditEvent(tx, { ...audit, actorUserId: input.actorUserId, organizationId }, {
      action: "member.added",
      targetType: "membership",
      targetIds: [membership.id],
      metadata: { role: input.role, userId: user.id, createdUser: !existing, epicLinked },
    });
    return { membershipId: membership.id, userId: user.id, createdUser: !existing, epicLinked };
  });
}

async function resolveEpicIdentity(db: Db, organizationId: Id<"organization">, epicUser: string): Promise<string> {
  if (/^https?:\/\//.test(epicUser)) return epicUser;
  const connection = await findEhrConnection(db, organizationId);
  if (!connection) {
    throw new AppError("invalid_input", "relative fhirUser without a connection", {
      publicMessage: "Connect Epic first, or enter the full fhirUser URL.",
    });
  }
  return `${connection.fhirBaseUrl.replace(/\/+$/, "")}/${epicUser}`;
}
