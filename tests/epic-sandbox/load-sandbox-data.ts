import type { Patient } from "@medplum/fhirtypes";
import { buildSchedule } from "./fhir/build-schedule";
import type { FhirStore } from "./fhir/fhir-store";
import { readSeedDirs } from "./fhir/read-seed-dirs";
import type { CorpusSummary } from "./sandbox-types";
import { buildDefaultSeed } from "./seed/build-default-seed";
import { loadSharedCorpus } from "./seed/load-shared-corpus";
import { sandboxPractitioners } from "./seed/sandbox-practitioners";
import { sandboxUsers } from "./sandbox-users";

export interface LoadOptions {
  defaultSeed: boolean;
  seedDirs: readonly string[];
  /** The shared corpus root; part of the default seed, so ignored without it. */
  corpusDir?: string;
  now: Date;
  timeZone: string;
}

/**
 * Practitioners, then the default seed and the shared corpus, then each --seed folder, then the
 * schedule over all patients (corpus patients included). Returns what the corpus added.
 */
export async function loadSandboxData(store: FhirStore, opts: LoadOptions): Promise<CorpusSummary | null> {
  await store.put(sandboxPractitioners());
  let corpus: CorpusSummary | null = null;
  if (opts.defaultSeed) {
    await store.put(await buildDefaultSeed(opts.now));
    if (opts.corpusDir) {
      const loaded = await loadSharedCorpus(opts.corpusDir);
      await store.put(loaded.resources);
      corpus = loaded.summary;
    }
  }
  if (opts.seedDirs.length) await store.put(await readSeedDirs(opts.seedDirs));
  const patients = await store.all<Patient>("Patient");
  await store.put(
    buildSchedule({
      patients,
      practitionerIds: sandboxUsers.map((u) => u.practitionerId),
      now: opts.now,
      timeZone: opts.timeZone,
    }),
  );
  return corpus;
}
