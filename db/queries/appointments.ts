import { and, asc, eq, gte, isNotNull, lt } from "drizzle-orm";
import { createId, type Id } from "@/lib/ids";
import type { Db } from "../client";
import { accounts, appointments, ehrTokens, type PrepStatus } from "../schema";

export type AppointmentRow = typeof appointments.$inferSelect;

export type AppointmentInput = {
  patientId: Id<"patient">;
  fhirBaseUrl: string;
  ehrAppointmentId: string;
  startAt: Date;
  endAt: Date | null;
  status: string;
  ehrPractitionerId: string | null;
  ehrEncounterId: string | null;
  visitType: string | null;
  syncedAt: Date;
};

/** Insert or refresh from Epic; prep status is ours and survives a re-sync. */
export async function upsertAppointment(db: Db, organizationId: Id<"organization">, input: AppointmentInput): Promise<Id<"appointment">> {
  const { syncedAt, ...fields } = input;
  const { patientId: _p, fhirBaseUrl: _b, ehrAppointmentId: _e, ...changes } = fields;
  const [row] = await db
    .insert(appointments)
    .values({ id: createId("appointment"), organizationId, ...fields, lastSyncedAt: syncedAt })
    .onConflictDoUpdate({
      target: [appointments.organizationId, appointments.fhirBaseUrl, appointments.ehrAppointmentId],
      set: { ...changes, patientId: input.patientId, lastSyncedAt: syncedAt, updatedAt: new Date() },
    })
    .returning({ id: appointments.id });
  return row!.id;
}

/** The schedule for [from, to), earliest first. */
export async function listAppointmentsInRange(db: Db, organizationId: Id<"organization">, range: { from: Date; to: Date }): Promise<AppointmentRow[]> {
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.organizationId, organizationId), gte(appointments.startAt, range.from), lt(appointments.startAt, range.to)))
    .orderBy(asc(appointments.startAt), asc(appointments.id));
}

export async function setAppointmentPrepStatus(
  db: Db,
  organizationId: Id<"organization">,
  appointmentId: Id<"appointment">,
  prepStatus: PrepStatus,
): Promise<void> {
  await db
    .update(appointments)
    .set({ prepStatus, updatedAt: new Date() })
    .where(and(eq(appointments.organizationId, organizationId), eq(appointments.id, appointmentId)));
}

/**
 * Whose schedules a clinic-wide sync covers: practitioners seen on earlier syncs plus the
 * `fhirUser` of every clinician who connected Epic here. Ids only (Practitioner/<id> → <id>).
 */
export async function listKnownPractitionerIds(db: Db, organizationId: Id<"organization">): Promise<string[]> {
  const seen = await db
    .selectDistinct({ id: appointments.ehrPractitionerId })
    .from(appointments)
    .where(and(eq(appointments.organizationId, organizationId), isNotNull(appointments.ehrPractitionerId)));
  const connected = await db
    .selectDistinct({ fhirUser: ehrTokens.fhirUser })
    .from(ehrTokens)
    .where(and(eq(ehrTokens.organizationId, organizationId), eq(ehrTokens.kind, "user"), isNotNull(ehrTokens.fhirUser)));
  // Clinicians linked to this clinic's Epic (seeded, or signed in before); the provider key is per clinic.
  const linked = await db
    .select({ fhirUser: accounts.providerAccountId })
    .from(accounts)
    .where(eq(accounts.provider, `epic:${organizationId}`));
  const ids = new Set<string>();
  for (const row of seen) if (row.id) ids.add(row.id);
  for (const row of [...connected, ...linked]) {
    const match = /(?:^|\/)Practitioner\/([^/]+)$/.exec(row.fhirUser ?? "");
    if (match?.[1]) ids.add(match[1]);
  }
  return [...ids].sort();
}
