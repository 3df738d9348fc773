import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { upsertAppointment } from "@/db/queries/appointments";
import { recordDocumentInLog } from "@/db/queries/documents";
import { upsertPatientLink } from "@/db/queries/patients";
import { listScreeningTypes } from "@/db/queries/screenings";
import { memberships, organizations } from "@/db/schema";
import { localDate } from "@/lib/dates/local-date";
import type { Id } from "@/lib/ids";
import { generatePrepSheet } from "@/lib/prep-sheet-data/generate-prep-sheet";

/** One real row of every id kind a clinic URL or action can carry, keyed by the parameter name that carries it. */
export type TenantRows = Record<"patientId" | "appointmentId" | "prepSheetId" | "screeningTypeId" | "documentId" | "membershipId", string>;

/**
 * Synthetic rows for one demo clinic (the demo seed has clinics, members and screening types but no
 * patients): a linked patient, today's visit, a stored prep sheet built from stored data only (no
 * Epic needed) and a document log entry. No names: patients are Epic ids only.
 */
export async function seedTenantRows(db: Db, slug: string): Promise<TenantRows> {
  const [clinic] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  if (!clinic) throw new Error(`no clinic ${slug}; run seedDemo first`);
  const organizationId = clinic.id;
  const fhirBaseUrl = "https://fhir.isolation.test/api/FHIR/R4";
  const now = new Date();
  const patientId = await upsertPatientLink(db, organizationId, { fhirBaseUrl, ehrPatientId: `iso-${slug}`, scheduledAt: now });
  const appointmentId = await upsertAppointment(db, organizationId, {
    patientId, fhirBaseUrl, ehrAppointmentId: `iso-apt-${slug}`, startAt: now, endAt: null, status: "booked",
    ehrPractitionerId: null, ehrEncounterId: null, visitType: null, syncedAt: now,
  });
  const sheet = await generatePrepSheet(db, { organizationId, appointmentId, asOf: localDate(clinic.timeZone, now), generatedAt: now.toISOString() });
  const document = await recordDocumentInLog(db, organizationId, { patientId, fhirBaseUrl, ehrDocumentId: `iso-doc-${slug}`, ehrVersion: "1", origin: "ehr" });
  const [screeningType] = await listScreeningTypes(db, organizationId as Id<"organization">);
  if (!screeningType) throw new Error(`clinic ${slug} has no screening types`);
  const [membership] = await db.select().from(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "org_admin")));
  return {
    patientId,
    appointmentId,
    prepSheetId: sheet.prepSheetId,
    screeningTypeId: screeningType.id,
    documentId: document.id,
    membershipId: membership!.id,
  };
}
