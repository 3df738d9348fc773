import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { populationCodes, toQmFacts, type GroupPopulations, type MeasurementPeriod, type PopulationCode, type QmFacts } from "@/lib/screening/quality-measures";

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
  expected: GroupPopulations[];
  facts: QmFacts | null;
  numSeries: boolean;
};

const cmsIdSystem = "https://madie.cms.gov/measure/cmsId";
const numSeries = /^NUM/i;

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
const codeOf = (concept: unknown) => String((((concept as Json | undefined)?.coding as Json[] | undefined) ?? [])[0]?.code ?? "");

/** Every group's populations; a population the report does not list counts 0. */
function populations(report: Json): GroupPopulations[] {
  return ((report.group as Json[] | undefined) ?? []).map((group) => {
    const counts = Object.fromEntries(populationCodes.map((code) => [code, 0 as 0 | 1])) as GroupPopulations;
    for (const population of (group.population as Json[] | undefined) ?? []) {
      const code = codeOf(population.code) as PopulationCode;
      if (code in counts) counts[code] = Number(population.count ?? 0) > 0 ? 1 : 0;
    }
    return counts;
  });
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
        period: { start, end }, expected: populations(report), facts: toQmFacts(resources), numSeries: numSeries.test(label),
      });
    }
  }
  return cases;
}
