import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { resourcesFromBundle } from "./resources-from-bundle";

async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return jsonFiles(full);
      return e.isFile() && e.name.toLowerCase().endsWith(".json") ? [full] : [];
    }),
  );
  return nested.flat().sort();
}

function isResource(value: unknown): value is Resource {
  return !!value && typeof value === "object" && typeof (value as { resourceType?: unknown }).resourceType === "string";
}

/**
 * Every FHIR resource in the JSON files under `dirs` (recursively): bundles of any type are unpacked,
 * single resources taken as they are. JSON that is not FHIR (package.json, indexes) is skipped.
 */
export async function readSeedDirs(dirs: readonly string[]): Promise<Resource[]> {
  const out: Resource[] = [];
  for (const dir of dirs) {
    for (const file of await jsonFiles(dir)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(file, "utf8"));
      } catch (cause) {
        throw new Error(`seed file ${file} is not valid JSON`, { cause });
      }
      if (!isResource(parsed)) continue;
      if (parsed.resourceType === "Bundle") out.push(...resourcesFromBundle(parsed as Bundle));
      else out.push(parsed);
    }
  }
  return out;
}
