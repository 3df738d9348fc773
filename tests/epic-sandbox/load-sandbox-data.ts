import type { Patient } from "@medplum/fhirtypes";
import { buildSchedule } from "./fhir/build-schedule";
import type { FhirStore } from "./fhir/fhir-store";
import { readSeedDirs } from "./fhir/read-seed-dirs";
import { buildDefaultSeed } from "./seed/build-default-seed";
import { sandboxPractitioners } from "./seed/sandbox-practitioners";
import { sandboxUsers } from "./sandbox-users";

export interface LoadOptions {
  defaultSeed: boolean;
  seedDirs: readonly string[];
  now: Date;
  timeZone: string;
}

/** Practitioners, then the default seed, then each --seed folder, then the schedule over all patients. */
export async function loadSandboxData(store: FhirStore, opts: LoadOptions): Promise<void> {
  await store.put(sandboxPractitioners());
  if (opts.defaultSeed) await store.put(await buildDefaultSeed(opts.now));
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
}
