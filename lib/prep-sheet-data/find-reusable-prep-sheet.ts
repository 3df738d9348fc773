import "server-only";
import type { Db } from "@/db/client";
import { findLatestPrepSheetForAppointment, isPrepSheetPurged, type PrepSheetRow } from "@/db/queries/prep-sheets";
import { getCipher } from "@/lib/crypto";
import type { DomainAppointment, PatientFacts } from "@/lib/fhir/to-domain/types";
import type { Id } from "@/lib/ids";
import { prepSheetInputParts, prepSheetSchema, prepSheetSettingsSchema, type PrepSheetInputsFingerprint, type PrepSheetSettingsInput } from "@/lib/prep-sheet";
import { buildPrepSheetHeader } from "@/lib/prep-sheet/build-prep-sheet-header";
import { canonicalJson } from "@/lib/prep-sheet/hash-prep-sheet-content";
import type { DisplayContext } from "./fetch-display-context";
import { prepSheetAad } from "./prep-sheet-aad";

export type ReusablePrepSheetInput = {
  organizationId: Id<"organization">;
  appointmentId: Id<"appointment">;
  asOf: string;
  /** Today's inputs (readPrepSheetInputsFingerprint). */
  inputsFingerprint: PrepSheetInputsFingerprint;
  /** What the header would be built from now: the parts of a sheet the fingerprint does not cover. */
  header: { clinicName: string; clinicSettings: PrepSheetSettingsInput; patient: PatientFacts; appointment: DomainAppointment; display: DisplayContext };
};

/**
 * The visit's newest sheet when building it again could only say the same thing, so screening and
 * rendering can be skipped: same day (`asOf`), the same inputs fingerprint (synced data, documents,
 * review decisions, settings and types), and the same header from today's Epic names and visit (the
 * stored header is rebuilt with its own zone and time and compared). Null when anything differs,
 * the sheet predates fingerprints, or its content was purged. Screening logic itself is not
 * fingerprinted: a release that changes what the engine concludes shows on the next sheet built by
 * an explicit Regenerate or once any input changes.
 */
export async function findReusablePrepSheet(db: Db, input: ReusablePrepSheetInput): Promise<PrepSheetRow | null> {
  const latest = await findLatestPrepSheetForAppointment(db, input.organizationId, input.appointmentId);
  if (!latest || latest.asOf !== input.asOf || isPrepSheetPurged(latest)) return null;
  const stored = latest.inputsFingerprint;
  if (!stored || prepSheetInputParts.some((part) => stored[part] !== input.inputsFingerprint[part])) return null;
  const parsed = prepSheetSchema.safeParse(JSON.parse(getCipher().decrypt(latest.modelEncrypted, prepSheetAad(input.organizationId, latest.id))));
  if (!parsed.success) return null;
  const sheet = parsed.data;
  const { header } = input;
  const fresh = buildPrepSheetHeader({
    asOf: input.asOf,
    // The stored sheet's own time and effective zone, so only what the inputs decide can differ.
    generatedAt: sheet.generatedAt,
    timeZone: sheet.timeZone,
    clinicName: header.clinicName,
    patient: header.patient,
    identity: header.display.identity,
    appointment: header.appointment,
    provider: header.display.provider,
    settings: prepSheetSettingsSchema.parse(header.clinicSettings ?? {}),
  });
  return canonicalJson(fresh) === canonicalJson(sheet.header) ? latest : null;
}
