import { isValidTimeZone } from "@/lib/dates/is-valid-time-zone";
import type { SelectedScreeningResult } from "@/lib/screening";
import type {
  DomainAppointment, DomainCondition, DomainEncounter, DomainImmunization, DomainObservation, PatientFacts, PatientIdentity,
} from "@/lib/fhir/to-domain/types";
import { buildConditionRows, buildDocumentRows, buildHospitalVisitRows, buildImmunizationGivenRows, type PrepSheetDocument } from "./build-history-sections";
import { buildLabRows } from "./build-lab-rows";
import { buildPrepSheetHeader } from "./build-prep-sheet-header";
import { buildImmunizationDueRows, buildMeasureRows, buildScreeningRows } from "./build-screening-sections";
import type { PrepSheet } from "./prep-sheet-model";
import { prepSheetSettingsSchema, type PrepSheetSettingsInput } from "./prep-sheet-settings";
import { findLastVisitDate, resolveSectionWindows } from "./resolve-section-windows";

export type BuildPrepSheetInput = {
  prepSheetId: string;
  /** ISO instant; the only clock the sheet sees. */
  generatedAt: string;
  /** Clinic-local YYYY-MM-DD the sheet is for (normally the appointment day). */
  asOf: string;
  clinic: { name: string; timeZone: string };
  clinicSettings?: PrepSheetSettingsInput;
  patient: PatientFacts;
  identity: PatientIdentity | null;
  appointment: DomainAppointment | null;
  provider: { displayName: string } | null;
  screenings: readonly SelectedScreeningResult[];
  observations: readonly DomainObservation[];
  conditions: readonly DomainCondition[];
  immunizations: readonly DomainImmunization[];
  encounters: readonly DomainEncounter[];
  documents: readonly PrepSheetDocument[];
};

const windowedCategories = new Set(["imaging", "consult", "hospital"]);

/** The prep sheet model from already-fetched, already-screened data. Pure and order-independent. */
export function buildPrepSheet(input: BuildPrepSheetInput): PrepSheet {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.asOf)) throw new RangeError(`asOf must be YYYY-MM-DD, got "${input.asOf}"`);
  if (Number.isNaN(Date.parse(input.generatedAt))) throw new RangeError("generatedAt must be an ISO instant");
  const settings = prepSheetSettingsSchema.parse(input.clinicSettings ?? {});
  const notices: string[] = [];
  // A bad zone in clinic settings should degrade the sheet, not stop the clinic day.
  let timeZone = input.clinic.timeZone;
  if (!isValidTimeZone(timeZone)) {
    notices.push(`Clinic time zone "${timeZone}" is not recognised; times are shown in UTC.`);
    timeZone = "UTC";
  }
  const { asOf } = input;
  const lastVisit = findLastVisitDate({ asOf, timeZone, encounters: input.encounters, excludeEncounterId: input.appointment?.encounterId ?? null });
  const { windows, from } = resolveSectionWindows({ asOf, settings, lastVisit });
  for (const window of windows) if (window.usedFallback) notices.push(window.label);
  const undated = input.documents.filter((d) => d.serviceDate === null && windowedCategories.has(d.category)).length;
  if (undated > 0) notices.push(`${undated} imaging, consult or hospital document(s) have no service date and are not listed.`);

  return {
    schemaVersion: 1,
    id: input.prepSheetId,
    generatedAt: input.generatedAt,
    asOf,
    timeZone,
    header: buildPrepSheetHeader({
      asOf, generatedAt: input.generatedAt, timeZone, clinicName: input.clinic.name, patient: input.patient,
      identity: input.identity, appointment: input.appointment, provider: input.provider, settings,
    }),
    windows,
    screenings: buildScreeningRows(input.screenings, settings),
    measures: buildMeasureRows(input.screenings, settings, asOf),
    labs: buildLabRows(input.observations, from.labs, timeZone),
    imaging: buildDocumentRows(input.documents, "imaging", from.imaging),
    consults: buildDocumentRows(input.documents, "consult", from.consults),
    hospitalVisits: buildHospitalVisitRows({ encounters: input.encounters, documents: input.documents, from: from.hospital, timeZone }),
    conditions: buildConditionRows(input.conditions, timeZone),
    immunizationsDue: buildImmunizationDueRows(input.screenings, settings),
    immunizationsGiven: buildImmunizationGivenRows(input.immunizations, from.immunizations, timeZone),
    checklist: [...settings.checklist],
    notesLines: settings.notesLines,
    notices,
  };
}
