import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { resourcesFromBundle } from "../epic-sandbox/fhir/resources-from-bundle";
import { buildDefaultSeed } from "../epic-sandbox/seed/build-default-seed";

/** Shared by every patient of a clinic, so copies keep pointing at the same ones. */
const sharedTypes = new Set(["Practitioner", "PractitionerRole", "Organization", "Location"]);

/**
 * A copy of a set of resources under fresh ids: every id of a patient-owned resource, wherever it
 * stands as a whole JSON string, a `Type/id` reference, a `Binary/id` url or a `urn:uuid:id`.
 */
function renumber(resources: readonly Resource[]): Resource[] {
  const fresh = new Map<string, string>();
  for (const r of resources) if (r.id && !sharedTypes.has(r.resourceType)) fresh.set(r.id, randomUUID());
  const text = JSON.stringify(resources).replace(/(["/:])([A-Za-z0-9\-.]{1,64})(?=")/g, (whole, lead: string, id: string) => {
    const next = fresh.get(id);
    return next ? `${lead}${next}` : whole;
  });
  return JSON.parse(text) as Resource[];
}

/** Units to copy: one per patient bundle of a Synthea-style folder, or the whole default seed as one. */
async function readUnits(sourceDir: string | null): Promise<Resource[][]> {
  if (!sourceDir) return [await buildDefaultSeed(new Date())];
  const units: Resource[][] = [];
  for (const file of (await readdir(sourceDir)).filter((f) => f.endsWith(".json")).sort()) {
    const parsed = JSON.parse(await readFile(path.join(sourceDir, file), "utf8")) as Resource;
    const resources = parsed.resourceType === "Bundle" ? resourcesFromBundle(parsed as Bundle) : [parsed];
    if (resources.some((r) => r.resourceType === "Patient")) units.push(resources);
  }
  if (units.length === 0) throw new Error(`${sourceDir} holds no bundle with a Patient`);
  return units;
}

/**
 * Writes a seed folder for the sandbox with at least `patients` patients: the source units in
 * order, then copies under fresh ids until there are enough (a Synthea folder gives exactly
 * `patients`; the default seed comes in whole copies of its patients). Returns the patient count.
 */
export async function writeBenchSeed(input: { sourceDir: string | null; patients: number; outDir: string }): Promise<number> {
  const units = await readUnits(input.sourceDir);
  await mkdir(input.outDir, { recursive: true });
  let count = 0;
  for (let i = 0; count < input.patients; i++) {
    const unit = units[i % units.length]!;
    const resources = i < units.length ? unit : renumber(unit);
    const bundle: Bundle = { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) };
    await writeFile(path.join(input.outDir, `unit-${String(i).padStart(4, "0")}.json`), JSON.stringify(bundle));
    count += resources.filter((r) => r.resourceType === "Patient").length;
  }
  return count;
}
