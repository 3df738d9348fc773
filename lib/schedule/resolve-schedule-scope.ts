import "server-only";
import type { Db } from "@/db/client";
import type { MemberRole } from "@/db/schema/organizations";
import { listUserFhirUsers } from "@/db/queries/schedule";
import type { Id } from "@/lib/ids";

export type ScheduleWho = "me" | "clinic";
/** `practitionerId` as getScheduleDay takes it: undefined for the clinic, null for "me" without a practitioner. */
export type ScheduleScope = { who: ScheduleWho; practitionerId: string | null | undefined; canShowMine: boolean };

const practitionerOf = (fhirUser: string) => /(?:^|\/)Practitioner\/([^/]+)$/.exec(fhirUser)?.[1] ?? null;

/**
 * "Me or my clinic": "me" is the visits of the signed-in user's Epic practitioner (their linked
 * `epic:<clinic>` account or Epic connection). Providers with one see their own day by default;
 * everyone else, and anyone asking for it, sees the clinic's.
 */
export async function resolveScheduleScope(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; role: MemberRole | null; who?: ScheduleWho | undefined },
): Promise<ScheduleScope> {
  const practitionerId = (await listUserFhirUsers(db, input.organizationId, input.userId)).map(practitionerOf).find((id) => id !== null) ?? null;
  const who = input.who ?? (practitionerId && input.role === "provider" ? "me" : "clinic");
  return { who, practitionerId: who === "me" ? practitionerId : undefined, canShowMine: practitionerId !== null };
}

/** Whether a visit belongs to the scope's `practitionerId` (undefined: the whole clinic; null: no one's). */
export function isVisitInScope(visitPractitionerId: string | null, practitionerId: string | null | undefined): boolean {
  return practitionerId === undefined || (visitPractitionerId !== null && visitPractitionerId === practitionerId);
}
