import { toClinicDate } from "@/lib/dates/to-clinic-date";
import type { DocumentCategory, DocumentFact } from "@/lib/screening";
import type { DomainCondition, DomainEncounter, DomainImmunization } from "@/lib/fhir/to-domain/types";
import { readConceptName } from "./build-lab-rows";
import type { ConditionRow, DocumentRow, HospitalVisitRow, ImmunizationGivenRow } from "./prep-sheet-model";
import { hospitalClasses } from "./resolve-section-windows";
import { compareFolded, compareText, compareTextDesc, sortRows } from "./sort-rows";

/** What the sheet needs from a classified document; never its text. */
export type PrepSheetDocument = Pick<DocumentFact, "id" | "category" | "serviceDate" | "title" | "filename">;

const byDateDesc = <T extends { date: string }>(a: T, b: T) => compareTextDesc(a.date, b.date);

/** Documents of a category with a service date in the window; undated ones are counted by the caller. */
export function buildDocumentRows(documents: readonly PrepSheetDocument[], category: DocumentCategory, from: string): DocumentRow[] {
  const rows = documents
    .filter((d) => d.category === category && d.serviceDate !== null && d.serviceDate >= from)
    .map((d): DocumentRow => ({ id: d.id, date: d.serviceDate ?? "", title: d.title?.trim() || d.filename?.trim() || "Untitled document" }));
  return sortRows(rows, byDateDesc, (a, b) => compareFolded(a.title, b.title) || compareText(a.id, b.id));
}

const skippedEncounterStatuses = new Set(["cancelled", "entered-in-error", "planned"]);

export function buildHospitalVisitRows(input: {
  encounters: readonly DomainEncounter[];
  documents: readonly PrepSheetDocument[];
  from: string;
  timeZone: string;
}): HospitalVisitRow[] {
  const fromEncounters = input.encounters.flatMap((e): HospitalVisitRow[] => {
    const kind = e.classCode === null ? undefined : hospitalClasses[e.classCode];
    const start = toClinicDate(e.periodStart, input.timeZone);
    if (!kind || skippedEncounterStatuses.has(e.status ?? "") || start === null || start < input.from) return [];
    const description = e.types.map(readConceptName).find((t) => t !== null) ?? readConceptName(e.serviceType) ?? kind;
    return [{ id: e.ehrId, start, end: toClinicDate(e.periodEnd, input.timeZone), kind, description, source: "encounter" }];
  });
  // Discharge summaries and ED notes from outside hospitals arrive as documents with no encounter here.
  const fromDocuments = buildDocumentRows(input.documents, "hospital", input.from).map(
    (d): HospitalVisitRow => ({ id: d.id, start: d.date, end: null, kind: "document", description: d.title, source: "document" }),
  );
  return sortRows([...fromEncounters, ...fromDocuments], (a, b) => compareTextDesc(a.start, b.start), (a, b) => compareText(a.id, b.id));
}

const activeStatuses = new Set(["active", "recurrence", "relapse"]);
const rejectedVerification = new Set(["refuted", "entered-in-error"]);

export function buildConditionRows(conditions: readonly DomainCondition[], timeZone: string): ConditionRow[] {
  const rows = conditions
    .filter((c) => activeStatuses.has(c.clinicalStatus ?? "") && !rejectedVerification.has(c.verificationStatus ?? ""))
    .map((c): ConditionRow => ({
      ehrId: c.ehrId,
      name: readConceptName(c.code) ?? "Unnamed condition",
      codes: [...c.icd10Codes].sort().join(", "),
      onset: toClinicDate(c.onset ?? c.recordedDate, timeZone),
    }));
  return sortRows(rows, (a, b) => compareFolded(a.name, b.name), (a, b) => compareText(a.onset, b.onset) || compareText(a.ehrId, b.ehrId));
}

export function buildImmunizationGivenRows(immunizations: readonly DomainImmunization[], from: string, timeZone: string): ImmunizationGivenRow[] {
  const rows = immunizations.flatMap((i): ImmunizationGivenRow[] => {
    const date = toClinicDate(i.occurrence, timeZone);
    if (i.status !== "completed" || date === null || date < from) return [];
    return [{ ehrId: i.ehrId, date, name: readConceptName(i.vaccineCode) ?? (i.cvx ? `CVX ${i.cvx}` : "Unnamed vaccine") }];
  });
  return sortRows(rows, byDateDesc, (a, b) => compareFolded(a.name, b.name) || compareText(a.ehrId, b.ehrId));
}
