import { describeLastDone, screeningApplies } from "@/lib/screening/describe-last-done";
import type { EvidenceModel, LabFlag, MeasureRow, PrepSheet } from "./prep-sheet-model";

/**
 * The sheet as a list of printable blocks, shared by the PDF and text renderers so both show the
 * same sections, columns and wording. `width` values are relative column shares.
 */
export type TableColumn = { label: string; width: number };
export type RenderBlock =
  | { kind: "fields"; title: string; fields: [string, string][] }
  | { kind: "lines"; title: string; lines: string[] }
  | { kind: "table"; title: string; columns: TableColumn[]; rows: string[][]; empty: string }
  | { kind: "checklist"; title: string; items: string[] }
  | { kind: "notes"; title: string; lines: number };

const flagLabels: Record<LabFlag, string> = { critical: "CRIT", high: "H", low: "L", abnormal: "A", normal: "" };
const dash = (value: string | null | undefined) => (value === null || value === undefined || value === "" ? "-" : value);
// Never done reads "No record found" with no next-due date, as on the web sheet and patient page.
const appliesMeasures = new Set<MeasureRow["status"]>(["gap", "at_risk", "review", "met"]);

function describeEvidence(evidence: EvidenceModel[], omitted: number): string {
  const items = evidence.map((e) => `${e.source} ${e.date ?? "undated"}: ${e.label}${e.needsReview ? " (review)" : ""}`);
  if (omitted > 0) items.push(`+${omitted} more`);
  return items.join("; ");
}

/** One line that identifies the patient on every page and at the top of the note (two identifiers). */
export function describePatient(sheet: PrepSheet): string {
  const h = sheet.header;
  const parts = [h.patientName, `DOB ${dash(h.birthDate)}`, `${h.ageYears ?? "?"} y ${h.sex}`];
  if (h.mrn) parts.push(`MRN ${h.mrn}`);
  return parts.join(" | ");
}

export function buildRenderBlocks(sheet: PrepSheet): RenderBlock[] {
  const h = sheet.header;
  const fields: [string, string][] = [
    ["Patient", describePatient(sheet)],
    ["Appointment", [h.appointment?.display, h.appointment?.type].filter(Boolean).join(" - ") || "-"],
    ["Provider", dash(h.providerName)],
    ["Clinic", h.clinicName],
    ["Generated", h.generatedDisplay],
  ];
  const blocks: RenderBlock[] = [{ kind: "fields", title: "Patient and visit", fields }];
  if (sheet.notices.length > 0) blocks.push({ kind: "lines", title: "Notices", lines: sheet.notices });
  blocks.push(
    { kind: "lines", title: "Data windows", lines: sheet.windows.map((w) => w.label) },
    {
      kind: "table", title: "Screening checklist", empty: "No screenings apply.",
      columns: [{ label: "Screening", width: 18 }, { label: "Status", width: 10 }, { label: "Last done", width: 11 }, { label: "Next due", width: 11 }, { label: "Evidence", width: 26 }, { label: "Reason", width: 24 }],
      rows: sheet.screenings.map((s) => [s.name, s.statusLabel, dash(describeLastDone(s.lastCompleted, screeningApplies(s.status))), dash(s.nextDue), dash(describeEvidence(s.evidence, s.evidenceOmitted)), dash(s.reason)]),
    },
    {
      kind: "table", title: `Quality measures ${sheet.measures.year}`, empty: "No quality measures configured.",
      columns: [{ label: "Measure", width: 24 }, { label: "Status", width: 12 }, { label: "Last done", width: 11 }, { label: "Next due", width: 11 }, { label: "Action to close the gap", width: 42 }],
      rows: sheet.measures.rows.map((m) => [`${m.measureId} ${m.title}`, m.status.replace("_", " "), dash(describeLastDone(m.lastCompleted, appliesMeasures.has(m.status))), dash(m.nextDue), dash(m.action)]),
    },
    {
      kind: "table", title: "Immunizations due", empty: "None due.",
      columns: [{ label: "Vaccine", width: 40 }, { label: "Status", width: 20 }, { label: "Last given", width: 20 }, { label: "Next due", width: 20 }],
      rows: sheet.immunizationsDue.map((i) => [i.name, i.statusLabel, dash(describeLastDone(i.lastGiven, screeningApplies(i.status))), dash(i.nextDue)]),
    },
    {
      kind: "table", title: "Recent labs", empty: "No lab results in the window.",
      columns: [{ label: "Date", width: 12 }, { label: "Test", width: 30 }, { label: "Result", width: 17 }, { label: "Unit", width: 11 }, { label: "Ref range", width: 16 }, { label: "Flag", width: 7 }],
      rows: sheet.labs.map((l) => [l.date, l.name, l.value, dash(l.unit), dash(l.referenceRange), l.flag ? flagLabels[l.flag] : ""]),
    },
    { kind: "table", title: "Imaging", empty: "No imaging in the window.", columns: [{ label: "Date", width: 15 }, { label: "Study", width: 85 }], rows: sheet.imaging.map((d) => [d.date, d.title]) },
    { kind: "table", title: "Consults", empty: "No consults in the window.", columns: [{ label: "Date", width: 15 }, { label: "Document", width: 85 }], rows: sheet.consults.map((d) => [d.date, d.title]) },
    {
      kind: "table", title: "Hospital and ED visits", empty: "No hospital or ED visits in the window.",
      columns: [{ label: "Start", width: 14 }, { label: "End", width: 14 }, { label: "Type", width: 16 }, { label: "Description", width: 56 }],
      rows: sheet.hospitalVisits.map((v) => [v.start, dash(v.end), v.kind, v.description]),
    },
    {
      kind: "table", title: "Active conditions", empty: "No active conditions.",
      columns: [{ label: "Condition", width: 60 }, { label: "ICD-10", width: 25 }, { label: "Onset", width: 15 }],
      rows: sheet.conditions.map((c) => [c.name, dash(c.codes), dash(c.onset)]),
    },
    { kind: "table", title: "Immunizations given", empty: "None in the window.", columns: [{ label: "Date", width: 15 }, { label: "Vaccine", width: 85 }], rows: sheet.immunizationsGiven.map((i) => [i.date, i.name]) },
    { kind: "checklist", title: "Pre-visit checklist", items: sheet.checklist },
    { kind: "notes", title: "Provider notes", lines: sheet.notesLines },
  );
  return blocks;
}
