import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Bundle } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClinicDaySummary } from "@/lib/clinic-day/run-clinic-day";
import { screeningPresetSchema, uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { runSyntheaClinicDay } from "./run-synthea-clinic-day";
import { findCorpusFolder } from "./shared-corpus";
import { codedOnlyFamilies, daysApart, latestEvents, readSyntheaEvents, syntheaFamilies, type SyntheaFamily } from "./synthea-events";

/**
 * Issue 15 item 5, the whole pipeline on Synthea patients: the New York bundles go into the Epic
 * sandbox (over HTTP, as in a clinic), the clinic day runs, and each screening's last-completed date on
 * the prep sheet is compared with the latest matching event of `screening-events.csv` (same patient,
 * same family, ±1 day). A screening the patient is not eligible for (or excluded from) is not scored.
 * Then the same with the coded Procedures, Observations, DiagnosticReports and Immunizations removed:
 * the dates must come from the encounter notes (HbA1c and HIV are never named in them: not scored there).
 * Each run takes about a minute on an idle machine, nearly all of it the sandbox's in-memory FHIR
 * searches (medplum's MemoryRepository scans every Observation per search); the timeouts allow a
 * loaded CI machine.
 */
const corpus = findCorpusFolder("synthea-qicore-exafluence");
const bundlesDir = path.join(corpus.dir, "fhir-newyork");

/** The preset type that answers for each corpus family (scoring side: the product knows no families of the corpus). */
const typeKeyOfFamily: Record<SyntheaFamily, string> = {
  colonoscopy: "colorectal-colonoscopy",
  fobt_fit: "colorectal-fit",
  mammography: "breast-mammography",
  cervical_cytology: "cervical-cytology",
  hepatitis_c: "hepatitis-c-screening",
  bone_density: "osteoporosis-dxa",
  diabetic_retinal_exam: "diabetic-retinal-exam",
  hiv: "hiv-screening",
  hba1c: "diabetes-screening-a1c",
  lipids: "lipid-panel",
  depression_screening: "depression-screening",
};
const presetTypes = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;
const nameOfKey = new Map(presetTypes.map((t) => [t.key, t.name]));
const notScored = new Set(["not_eligible", "excluded"]);
const codedTypes = new Set(["Procedure", "Observation", "DiagnosticReport", "Immunization", "ImagingStudy"]);

type Score = { scored: number; agree: number; byFamily: Record<string, { scored: number; agree: number }>; misses: string[]; noEvent: { scored: number; empty: number } };

function score(summary: ClinicDaySummary, latest: Map<string, string>, families: readonly SyntheaFamily[]): Score {
  const out: Score = { scored: 0, agree: 0, byFamily: {}, misses: [], noEvent: { scored: 0, empty: 0 } };
  for (const result of summary.results) {
    for (const family of families) {
      const name = nameOfKey.get(typeKeyOfFamily[family]);
      const line = result.screenings.find((s) => s.name === name);
      const expected = latest.get(`${result.ehrPatientId}|${family}`) ?? null;
      // The sheet lists the screenings the patient is eligible for; one it leaves out is not scored.
      if (!line || notScored.has(line.status)) continue;
      if (expected === null) {
        out.noEvent.scored += 1;
        if (line.lastCompleted === null) out.noEvent.empty += 1;
        continue;
      }
      const f = (out.byFamily[family] ??= { scored: 0, agree: 0 });
      out.scored += 1;
      f.scored += 1;
      const ok = !!line.lastCompleted && daysApart(line.lastCompleted, expected) <= 1;
      if (ok) {
        out.agree += 1;
        f.agree += 1;
      } else out.misses.push(`${family}: expected ${expected}, sheet ${line.status} ${line.lastCompleted ?? "none"} (patient …${result.ehrPatientId.slice(-4)})`);
    }
  }
  return out;
}

function report(label: string, s: Score): string {
  const families = Object.entries(s.byFamily).map(([f, v]) => `${f} ${v.agree}/${v.scored}`).join(", ");
  return `${label}: ${s.agree}/${s.scored} = ${(s.agree / Math.max(1, s.scored)).toFixed(3)} (${families}); no event and no date ${s.noEvent.empty}/${s.noEvent.scored}`;
}

/** Keeps Patient, Encounter, Condition and DocumentReference (and everything not clinical data): the notes carry the history. */
async function writeNotesOnlyBundles(dir: string): Promise<void> {
  for (const file of (await readdir(bundlesDir)).filter((f) => f.endsWith(".json"))) {
    const bundle = JSON.parse(await readFile(path.join(bundlesDir, file), "utf8")) as Bundle;
    bundle.entry = (bundle.entry ?? []).filter((e) => !codedTypes.has(e.resource?.resourceType ?? ""));
    await writeFile(path.join(dir, file), JSON.stringify(bundle));
  }
}

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const sandboxes: EpicSandbox[] = [];
let notesDir: string | null = null;

async function runDay(seedDir: string, slug: string): Promise<ClinicDaySummary> {
  const { summary, sandbox, log } = await runSyntheaClinicDay(handle.db, seedDir, slug);
  sandboxes.push(sandbox);
  // Every patient must make it through the day, or their screenings would silently go unscored.
  expect(summary.results.filter((r) => r.status === "failed"), log.join("\n")).toEqual([]);
  expect(summary.results.length).toBe(18);
  return summary;
}

describe.skipIf(!corpus.available)("Synthea New York patients through the sandbox and the clinic day", () => {
  let latest: Map<string, string>;
  beforeAll(async () => {
    handle = await createTestDatabase();
    latest = latestEvents(await readSyntheaEvents(corpus.dir));
  });
  /** The day on `seedDir`, scored on `families`; the score, its misses and the day's timings are printed. */
  async function runAndScore(label: string, seedDir: string, slug: string, families: readonly SyntheaFamily[]): Promise<Score> {
    const summary = await runDay(seedDir, slug);
    const s = score(summary, latest, families);
    console.info(`${label} timings ${JSON.stringify(summary.timingsMs)}`);
    console.info(report(label, s));
    for (const miss of s.misses) console.info(`  miss ${miss}`);
    return s;
  }
  afterAll(async () => {
    for (const s of sandboxes) await s.close();
    await handle?.close();
    if (notesDir) await rm(notesDir, { recursive: true, force: true });
  });

  it("coded data: last-completed dates agree with screening-events.csv for ≥ 0.95 of scored screenings", async () => {
    const s = await runAndScore("synthea coded", bundlesDir, "synthea-coded", syntheaFamilies);
    expect(s.scored).toBeGreaterThanOrEqual(30);
    expect(s.agree / s.scored).toBeGreaterThanOrEqual(0.95);
    // And nothing invented: an eligible screening with no event in the record shows no date.
    expect(s.noEvent.empty / s.noEvent.scored).toBeGreaterThanOrEqual(0.95);
  }, 420_000);

  it("notes only: the same dates recovered from the encounter notes for ≥ 0.90 of the families the notes name", async () => {
    notesDir = await mkdtemp(path.join(tmpdir(), "synthea-notes-"));
    await writeNotesOnlyBundles(notesDir);
    const s = await runAndScore("synthea notes only", notesDir, "synthea-notes", syntheaFamilies.filter((f) => !codedOnlyFamilies.includes(f)));
    expect(s.scored).toBeGreaterThanOrEqual(25);
    expect(s.agree / s.scored).toBeGreaterThanOrEqual(0.9);
    expect(s.noEvent.empty / s.noEvent.scored).toBeGreaterThanOrEqual(0.95);
  }, 420_000);
});
