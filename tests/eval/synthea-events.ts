import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Scoring side of the Synthea pipeline evaluation: the expected answers (`screening-events.csv`) and
 * the screening families of the corpus's SOURCES.md ("Screening families and codes"). Only the test
 * reads this; the product never sees the corpus's families or events.
 */
export const syntheaFamilies = [
  "colonoscopy", "fobt_fit", "mammography", "cervical_cytology", "hepatitis_c", "bone_density",
  "diabetic_retinal_exam", "hiv", "hba1c", "lipids", "depression_screening",
] as const;
export type SyntheaFamily = (typeof syntheaFamilies)[number];

/** SOURCES.md's table, code → family (system omitted: the corpus's SNOMED and LOINC codes do not collide). */
const familyCodes: Record<SyntheaFamily, readonly string[]> = {
  colonoscopy: ["73761001"],
  fobt_fit: ["104435004", "57905-2"],
  mammography: ["71651007"],
  cervical_cytology: ["90226004"],
  hepatitis_c: ["104375008"],
  bone_density: ["312681000", "38265-5"],
  diabetic_retinal_exam: ["314971001", "722161008", "71490-7", "71491-5"],
  hiv: ["20447-9", "55277-8", "86406008", "31676001", "315124004"],
  hba1c: ["4548-4"],
  lipids: ["2093-3", "18262-6", "2085-9", "2571-8", "57698-3"],
  depression_screening: ["171207006", "44249-1", "55757-9", "715252007", "55758-7", "44261-6", "89204-2", "89206-7"],
};
const familyOfCode = new Map(Object.entries(familyCodes).flatMap(([family, codes]) => codes.map((c) => [c, family as SyntheaFamily])));

/** Families whose events the notes never name (SOURCES.md, HARNESS.md): scored from coded data only. */
export const codedOnlyFamilies: readonly SyntheaFamily[] = ["hba1c", "hiv"];

export type SyntheaEvent = { patientId: string; family: SyntheaFamily; resourceType: string; code: string; date: string };

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    }
    else field += ch;
  }
  out.push(field);
  return out;
}

export async function readSyntheaEvents(folder: string): Promise<SyntheaEvent[]> {
  const [header, ...rows] = (await readFile(path.join(folder, "screening-events.csv"), "utf8")).trim().split("\n").map(parseCsvLine);
  const col = (name: string) => header!.indexOf(name);
  const [patient, type, code, date] = [col("patient_id"), col("resource_type"), col("code"), col("date")];
  return rows.flatMap((r) => {
    const family = familyOfCode.get(r[code]!);
    return family ? [{ patientId: r[patient]!, family, resourceType: r[type]!, code: r[code]!, date: r[date]!.slice(0, 10) }] : [];
  });
}

/** Latest event date per `patient|family`. */
export function latestEvents(events: readonly SyntheaEvent[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const e of events) {
    const key = `${e.patientId}|${e.family}`;
    if ((latest.get(key) ?? "") < e.date) latest.set(key, e.date);
  }
  return latest;
}

export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}
