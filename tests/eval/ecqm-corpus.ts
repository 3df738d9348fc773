import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { MeasurementPeriod, MeasurePopulations, QualityEvent, QualityEventKind, QualityFacts } from "@/lib/screening/quality-measures";

/**
 * Reads an eCQM test-case corpus laid out like ecqm-dqm-content-cms-2025 (INTERFACES.md, eval:ecqm):
 * `measures/**.json` (Measure resources, alone or in bundles) and `tests/<measure>/<case>/*.json`
 * (one resource per file or bundles, exactly one MeasureReport with the expected populations).
 */
type Json = Record<string, unknown>;
export type EcqmCase = {
  measureFolder: string;
  caseName: string;
  cmsId: string | null;
  period: MeasurementPeriod;
  expected: MeasurePopulations;
  facts: QualityFacts | null;
  numSeries: boolean;
};

const cmsIdSystem = "https://madie.cms.gov/measure/cmsId";
const numSeries = /^(NUMERPass|NUMERFail|NUMPass|NUMFail)$/i;

async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsonFiles(full)));
    else if (entry.name.endsWith(".json") && !entry.name.startsWith("_")) out.push(full);
  }
  return out.sort();
}

/** Every resource in a file: a resource, or the entries of a bundle (nested bundles too). */
function resourcesOf(value: unknown): Json[] {
  if (!value || typeof value !== "object") return [];
  const resource = value as Json;
  if (resource.resourceType === "Bundle") {
    return ((resource.entry as Json[] | undefined) ?? []).flatMap((entry) => resourcesOf(entry.resource));
  }
  return typeof resource.resourceType === "string" ? [resource] : [];
}

async function readResources(file: string): Promise<Json[]> {
  try {
    return resourcesOf(JSON.parse(await readFile(file, "utf8")));
  } catch {
    return [];
  }
}

const stripVersion = (url: string) => url.split("|")[0] ?? url;

/** Measure url → CMS id ("130FHIR" → "CMS130"). */
export async function readMeasureIds(corpus: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const file of await jsonFiles(path.join(corpus, "measures"))) {
    for (const resource of await readResources(file)) {
      if (resource.resourceType !== "Measure" || typeof resource.url !== "string") continue;
      const identifier = ((resource.identifier as Json[] | undefined) ?? []).find((i) => i.system === cmsIdSystem);
      const digits = /^(\d+)/.exec(String(identifier?.value ?? ""))?.[1];
      if (digits) ids.set(stripVersion(resource.url), `CMS${Number(digits)}`);
    }
  }
  return ids;
}

/** Case → series from `_madie.json` (any objects with a series and an id/title) or `_testcase-names.txt`. */
async function readSeries(measureDir: string): Promise<Map<string, string>> {
  const series = new Map<string, string>();
  const madie = await readFile(path.join(measureDir, "_madie.json"), "utf8").catch(() => null);
  if (madie) {
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (!value || typeof value !== "object") return;
      const record = value as Json;
      if (typeof record.series === "string") {
        for (const key of ["id", "patientId", "title", "name"]) if (typeof record[key] === "string") series.set(String(record[key]), record.series);
      }
      Object.values(record).forEach(visit);
    };
    visit(JSON.parse(madie));
  }
  const names = await readFile(path.join(measureDir, "_testcase-names.txt"), "utf8").catch(() => null);
  for (const line of names?.split("\n") ?? []) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)/.exec(line);
    if (match) series.set(match[1]!, match[2]!);
  }
  return series;
}

const day = (value: unknown): string | null => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);
const codings = (concept: unknown) =>
  (((concept as Json | undefined)?.coding as Json[] | undefined) ?? [])
    .filter((c) => typeof c.code === "string")
    .map((c) => ({ system: String(c.system ?? ""), code: String(c.code) }));
const conceptList = (value: unknown) => (Array.isArray(value) ? value.flatMap(codings) : codings(value));

function period(resource: Json, field: string): { start: string | null; end: string | null } {
  // Encounter.period is a Period itself; choice types are `performedPeriod`, `effectivePeriod`…
  const p = (field === "period" ? resource.period : resource[`${field}Period`]) as Json | undefined;
  if (p) return { start: day(p.start), end: day(p.end) ?? day(p.start) };
  const at = day(resource[`${field}DateTime`]) ?? day(resource[`${field}Instant`]) ?? day(resource[field]);
  return { start: at, end: at };
}

function value(resource: Json): Pick<QualityEvent, "valueNumber" | "valueCodes" | "hasValue"> {
  const quantity = resource.valueQuantity as Json | undefined;
  const number = typeof quantity?.value === "number" ? quantity.value : typeof resource.valueInteger === "number" ? resource.valueInteger : null;
  const valueCodes = codings(resource.valueCodeableConcept);
  const hasValue = Object.keys(resource).some((key) => key.startsWith("value") && key !== "valueSet");
  return { valueNumber: number, valueCodes, hasValue };
}

/** FHIR resources of one test case → QualityFacts; null when there is no Patient. */
export function toQualityFacts(resources: readonly Json[]): QualityFacts | null {
  const patient = resources.find((r) => r.resourceType === "Patient");
  if (!patient || !day(patient.birthDate)) return null;
  const events: QualityEvent[] = [];
  const add = (kind: QualityEventKind, resource: Json, codes: QualityEvent["codes"], when: { start: string | null; end: string | null }, extra: Partial<QualityEvent> = {}) =>
    events.push({ id: String(resource.id ?? events.length), kind, codes, status: typeof resource.status === "string" ? resource.status : null, ...when, valueNumber: null, valueCodes: [], hasValue: false, ...extra });
  for (const r of resources) {
    switch (r.resourceType) {
      case "Encounter": {
        const hospitalization = r.hospitalization as Json | undefined;
        add("encounter", r, [...conceptList(r.type), ...codings(r.serviceType)], period(r, "period"), { valueCodes: codings(hospitalization?.dischargeDisposition) });
        break;
      }
      case "Procedure":
        add("procedure", r, codings(r.code), period(r, "performed"));
        break;
      case "Observation":
        add("observation", r, codings(r.code), period(r, "effective"), value(r));
        break;
      case "DiagnosticReport":
        add("diagnostic_report", r, codings(r.code), period(r, "effective"), { hasValue: true });
        break;
      case "Condition": {
        const onset = period(r, "onset").start ?? day(r.recordedDate);
        const abatement = period(r, "abatement");
        const verification = codings(r.verificationStatus)[0]?.code ?? null;
        events.push({ id: String(r.id), kind: "condition", codes: codings(r.code), status: verification, start: onset, end: abatement.end ?? abatement.start, valueNumber: null, valueCodes: [], hasValue: false });
        break;
      }
      case "ServiceRequest":
        add("intervention", r, codings(r.code), { start: day(r.authoredOn), end: day(r.authoredOn) });
        break;
      default:
        break;
    }
  }
  const gender = String(patient.gender ?? "unknown");
  return { birthDate: day(patient.birthDate)!, sex: gender === "female" || gender === "male" || gender === "other" ? gender : "unknown", events };
}

function populations(report: Json): MeasurePopulations {
  const counts: Record<string, number> = {};
  for (const group of ((report.group as Json[] | undefined) ?? []).slice(0, 1)) {
    for (const population of (group.population as Json[] | undefined) ?? []) {
      const code = codings(population.code)[0]?.code;
      if (code) counts[code] = Number(population.count ?? 0);
    }
  }
  const flag = (code: string) => ((counts[code] ?? 0) > 0 ? 1 : 0) as 0 | 1;
  return { ip: flag("initial-population"), denom: flag("denominator"), denex: flag("denominator-exclusion"), numer: flag("numerator") };
}

/** Every test case of the corpus, with its measure resolved through the MeasureReport's url. */
export async function readEcqmCases(corpus: string): Promise<EcqmCase[]> {
  const measureIds = await readMeasureIds(corpus);
  const cases: EcqmCase[] = [];
  const testsDir = path.join(corpus, "tests");
  for (const measureFolder of (await readdir(testsDir)).sort()) {
    const measureDir = path.join(testsDir, measureFolder);
    if (!(await stat(measureDir)).isDirectory()) continue;
    const series = await readSeries(measureDir);
    for (const caseName of (await readdir(measureDir)).sort()) {
      const caseDir = path.join(measureDir, caseName);
      if (!(await stat(caseDir)).isDirectory()) continue;
      const resources = (await Promise.all((await jsonFiles(caseDir)).map(readResources))).flat();
      const report = resources.find((r) => r.resourceType === "MeasureReport");
      if (!report) continue;
      const reportPeriod = report.period as Json | undefined;
      const start = day(reportPeriod?.start);
      const end = day(reportPeriod?.end);
      if (!start || !end) continue;
      const label = series.get(caseName) ?? [...series.entries()].find(([key]) => caseName.includes(key))?.[1] ?? "";
      cases.push({
        measureFolder, caseName, cmsId: measureIds.get(stripVersion(String(report.measure ?? ""))) ?? null,
        period: { start, end }, expected: populations(report), facts: toQualityFacts(resources), numSeries: numSeries.test(label),
      });
    }
  }
  return cases;
}
