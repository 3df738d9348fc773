import { describeLastDone, screeningApplies } from "@/lib/screening/describe-last-done";
import { describeScreeningEvidence, toPlainLabel } from "./describe-screening-evidence";
import type { LabFlag, LabRow, MeasureRow, PrepSheet, ScreeningRow, WindowModel } from "./prep-sheet-model";
import type { WindowCategory } from "./prep-sheet-settings";

/**
 * The sheet as a list of printable blocks, shared by the PDF, the Epic note and the web page so all
 * three show the same sections, columns and wording. Built to answer "what do I do today" on the
 * first page: a summary line, one compact row per screening with its evidence in plain words, the
 * problems and labs that matter; sections with nothing in them collapse into one line. `width`
 * values are relative column shares.
 */
export type TableColumn = { label: string; width: number };
export type RenderBlock =
  | { kind: "fields"; title: string; fields: [string, string][] }
  | { kind: "summary"; title: string; lines: string[] }
  | { kind: "lines"; title: string; lines: string[] }
  | { kind: "paragraph"; title: string; text: string }
  | { kind: "table"; title: string; columns: TableColumn[]; rows: string[][]; empty: string }
  | { kind: "checklist"; title: string; items: string[] }
  | { kind: "notes"; title: string; lines: number };

export const screeningsTitle = "Screenings";
export const summaryTitle = "At this visit";

const flagLabels: Record<LabFlag, string> = { critical: "Critical", high: "High", low: "Low", abnormal: "Abnormal", normal: "" };
const dash = (value: string | null | undefined) => (value === null || value === undefined || value === "" ? "-" : value);
// Never done reads "No record found" with no next-due date, as on the web sheet and patient page.
const appliesMeasures = new Set<MeasureRow["status"]>(["gap", "at_risk", "review", "met"]);

/** One line that identifies the patient on every page and at the top of the note (two identifiers). */
export function describePatient(sheet: PrepSheet): string {
  const h = sheet.header;
  const parts = [h.patientName, `DOB ${dash(h.birthDate)}`, `${h.ageYears ?? "?"} y ${h.sex}`];
  if (h.mrn) parts.push(`MRN ${h.mrn}`);
  return parts.join(" | ");
}

const describeLab = (l: LabRow) => [l.value, l.unit].filter(Boolean).join(" ");
const isFlagged = (l: LabRow) => l.flag !== null && l.flag !== "normal";

/** The newest result of each test in the window (labs arrive newest first), with the one before it. */
function latestPerTest(labs: readonly LabRow[]): { latest: LabRow; previous: LabRow | null }[] {
  const byName = new Map<string, { latest: LabRow; previous: LabRow | null }>();
  for (const lab of labs) {
    const seen = byName.get(lab.name);
    if (!seen) byName.set(lab.name, { latest: lab, previous: null });
    else if (seen.previous === null) seen.previous = lab;
  }
  return [...byName.values()];
}

/** The summary: what is due now, what is coming, what needs a person to confirm, and flagged results. */
export function summariseVisit(sheet: PrepSheet): string[] {
  const names = (status: ScreeningRow["status"]) => sheet.screenings.filter((s) => s.status === status).map((s) => s.name);
  const groups: [string, string[]][] = [["overdue", names("overdue")], ["due", names("due")]];
  const due = groups.filter(([, list]) => list.length > 0).map(([label, list]) => `${list.length} ${label} - ${list.join(", ")}`);
  const lines = [due.length > 0 ? `Due at this visit: ${due.join("; ")}.` : "Nothing due at this visit."];
  const review = sheet.screenings.filter((s) => s.status === "needs_review").map((s) => s.name);
  if (review.length > 0) lines.push(`To confirm from the records: ${review.join("; ")}.`);
  const soon = sheet.screenings.filter((s) => s.status === "due_soon").map((s) => `${s.name} (${dash(s.nextDue)})`);
  if (soon.length > 0) lines.push(`Coming due: ${soon.join("; ")}.`);
  const flagged = latestPerTest(sheet.labs).filter((t) => isFlagged(t.latest));
  // A few flagged results are named here; more are counted, and all of them are listed under Flagged labs.
  if (flagged.length > 3) lines.push(`Flagged results: ${flagged.length} tests, listed under Flagged labs.`);
  else if (flagged.length > 0) {
    lines.push(`Flagged results: ${flagged.map(({ latest: l }) => `${l.name} ${describeLab(l)} ${flagLabels[l.flag ?? "normal"].toLowerCase()} (${l.date})`).join("; ")}.`);
  }
  return lines;
}

function screeningRow(s: ScreeningRow): string[] {
  return [s.name, s.statusLabel, dash(describeLastDone(s.lastCompleted, screeningApplies(s.status))), dash(s.nextDue), dash(describeScreeningEvidence(s))];
}

const sectionNames: Record<WindowCategory, string> = {
  labs: "labs", imaging: "imaging", consults: "consults", hospital: "hospital or ED visits", immunizations: "immunizations given",
};
const since = (window: WindowModel | undefined) => (window ? `since ${window.from}` : "");
const titled = (title: string, window: WindowModel | undefined) => (window ? `${title} ${since(window)}` : title);

/** "No labs or imaging since 2025-03-03; no consults since 2025-11-04 (last visit)." — empty sections in one line. */
function describeEmpty(empty: WindowCategory[], windows: readonly WindowModel[]): string | null {
  if (empty.length === 0) return null;
  const groups = new Map<string, WindowCategory[]>();
  for (const category of empty) {
    const window = windows.find((w) => w.category === category);
    const key = window ? since(window) + (window.kind === "since_last_visit" && !window.usedFallback ? " (last visit)" : "") : "";
    groups.set(key, [...(groups.get(key) ?? []), category]);
  }
  const parts = [...groups].map(([key, categories]) => {
    const names = categories.map((c) => sectionNames[c]);
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "");
    return `no ${list}${key ? ` ${key}` : ""}`;
  });
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function buildRenderBlocks(sheet: PrepSheet): RenderBlock[] {
  const h = sheet.header;
  const windowOf = (category: WindowCategory) => sheet.windows.find((w) => w.category === category);
  // The patient is named by each rendering's own header (every PDF page, the note's first line).
  const visit = [h.appointment?.display, h.appointment?.type, h.providerName ? `with ${h.providerName}` : null].filter(Boolean).join(" - ");
  const blocks: RenderBlock[] = [
    { kind: "paragraph", title: "Visit", text: visit || "-" },
    { kind: "summary", title: summaryTitle, lines: summariseVisit(sheet) },
  ];
  if (sheet.notices.length > 0) blocks.push({ kind: "lines", title: "Notices", lines: sheet.notices });
  blocks.push({
    kind: "table", title: screeningsTitle, empty: "No screenings apply.",
    columns: [{ label: "Screening", width: 30 }, { label: "Status", width: 9 }, { label: "Last done", width: 11.5 }, { label: "Due", width: 11.5 }, { label: "Evidence (source, date)", width: 38 }],
    rows: sheet.screenings.map(screeningRow),
  });
  if (sheet.immunizationsDue.length > 0) {
    blocks.push({
      kind: "table", title: "Immunizations due", empty: "None due.",
      columns: [{ label: "Vaccine", width: 40 }, { label: "Status", width: 20 }, { label: "Last given", width: 20 }, { label: "Due", width: 20 }],
      rows: sheet.immunizationsDue.map((i) => [i.name, i.statusLabel, dash(describeLastDone(i.lastGiven, screeningApplies(i.status))), dash(i.nextDue)]),
    });
  }
  if (sheet.measures.rows.length > 0) {
    blocks.push({
      kind: "table", title: `Quality measures ${sheet.measures.year}`, empty: "No quality measures configured.",
      columns: [{ label: "Measure", width: 30 }, { label: "Status", width: 9 }, { label: "Last done", width: 11.5 }, { label: "Due", width: 11.5 }, { label: "To close the gap", width: 38 }],
      rows: sheet.measures.rows.map((m) => [`${m.measureId} ${m.title}`, m.status.replace("_", " "), dash(describeLastDone(m.lastCompleted, appliesMeasures.has(m.status))), dash(m.nextDue), dash(m.action)]),
    });
  }
  if (sheet.conditions.length > 0) {
    const problems = sheet.conditions.map((c) => {
      const details = [c.codes, c.onset ? `since ${c.onset.slice(0, 4)}` : ""].filter(Boolean).join(", ");
      // A problem's name is printed whole: only the evidence column is cut to a few words.
      return details ? `${toPlainLabel(c.name, Infinity)} (${details})` : toPlainLabel(c.name, Infinity);
    });
    blocks.push({ kind: "paragraph", title: "Active problems", text: `${problems.join("; ")}.` });
  }

  const empty: WindowCategory[] = [];
  const tests = latestPerTest(sheet.labs);
  if (tests.length === 0) empty.push("labs");
  else {
    const flagged = tests.filter((t) => isFlagged(t.latest));
    const others = tests.filter((t) => !isFlagged(t.latest));
    if (flagged.length > 0) {
      blocks.push({
        kind: "table", title: titled("Flagged labs", windowOf("labs")), empty: "",
        columns: [{ label: "Test", width: 38 }, { label: "Result", width: 16 }, { label: "Flag", width: 9 }, { label: "Date", width: 12 }, { label: "Before", width: 25 }],
        rows: flagged.map(({ latest: l, previous: p }) => [l.name, describeLab(l), flagLabels[l.flag ?? "normal"], l.date, p ? `${describeLab(p)} (${p.date})` : "-"]),
      });
    }
    if (others.length > 0) {
      const title = flagged.length > 0 ? "Other labs, latest of each" : titled("Labs, latest of each", windowOf("labs"));
      blocks.push({ kind: "paragraph", title, text: `${others.map(({ latest: l }) => `${l.name} ${describeLab(l)} (${l.date})`).join("; ")}.` });
    }
  }
  const documentTable = (category: WindowCategory, title: string, label: string, rows: string[][]) => {
    if (rows.length === 0) empty.push(category);
    else blocks.push({ kind: "table", title: titled(title, windowOf(category)), empty: "", columns: [{ label: "Date", width: 15 }, { label, width: 85 }], rows });
  };
  documentTable("imaging", "Imaging", "Study", sheet.imaging.map((d) => [d.date, d.title]));
  documentTable("consults", "Consults", "Document", sheet.consults.map((d) => [d.date, d.title]));
  if (sheet.hospitalVisits.length === 0) empty.push("hospital");
  else {
    blocks.push({
      kind: "table", title: titled("Hospital and ED visits", windowOf("hospital")), empty: "",
      columns: [{ label: "Start", width: 14 }, { label: "End", width: 14 }, { label: "Type", width: 16 }, { label: "Description", width: 56 }],
      rows: sheet.hospitalVisits.map((v) => [v.start, dash(v.end), v.kind, v.description]),
    });
  }
  documentTable("immunizations", "Immunizations given", "Vaccine", sheet.immunizationsGiven.map((i) => [i.date, i.name]));
  const nothing = [describeEmpty(empty, sheet.windows), sheet.conditions.length === 0 ? "No active problems on the list." : null].filter((l): l is string => l !== null);
  if (nothing.length > 0) blocks.push({ kind: "paragraph", title: "Nothing recorded", text: nothing.join(" ") });
  if (sheet.checklist.length > 0) blocks.push({ kind: "checklist", title: "Pre-visit checklist", items: sheet.checklist });
  blocks.push({ kind: "notes", title: "Provider notes", lines: sheet.notesLines });
  return blocks;
}
