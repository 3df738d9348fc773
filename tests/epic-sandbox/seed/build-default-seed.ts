import type { Encounter, Resource } from "@medplum/fhirtypes";
import { patientRef, seedPatients, toPatient } from "./default-patients";
import { seedClinicalData } from "./seed-clinical-data";
import { seedDocuments } from "./seed-documents";

const cache = new Map<string, Promise<Resource[]>>();

/**
 * The built-in synthetic clinic, dated relative to `now` (so "last colonoscopy 3 years ago" stays true).
 * Built once per calendar day per process: the scans and PDFs take a moment to render.
 */
export function buildDefaultSeed(now: Date): Promise<Resource[]> {
  const key = now.toISOString().slice(0, 10);
  let built = cache.get(key);
  if (!built) {
    built = build(now);
    cache.set(key, built);
  }
  return built.then((resources) => structuredClone(resources));
}

async function build(now: Date): Promise<Resource[]> {
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const desiree = seedPatients.find((p) => p.given === "Desiree");
  // Desiree Powell has one in-progress office visit in Epic's sandbox (used there to test note create).
  const inProgress: Encounter[] = desiree
    ? [{
        resourceType: "Encounter",
        id: "eSbxEnc.Desiree.InProgress",
        status: "in-progress",
        class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB", display: "ambulatory" },
        type: [{ text: "Office Visit" }],
        subject: patientRef(desiree),
        period: { start: now.toISOString() },
      }]
    : [];
  return [
    ...seedPatients.map(toPatient),
    ...inProgress,
    ...seedClinicalData(day),
    ...(await seedDocuments(day)),
  ];
}
