import "server-only";
import type { Db } from "@/db/client";
import { listScreeningTypes } from "@/db/queries/screenings";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import type { ApplyScreeningTypesResult, ScreeningTypeChoice } from "./apply-screening-types";
import type { ScreeningTypesPreview } from "./apply-preset-by-key";
import { importScreeningTypes, parseScreeningTypesJson, previewScreeningTypesImport } from "./import-export-screening-types";

/** The uploaded file's text as JSON; a file that is not JSON gets a message an admin can act on. */
function parseFileText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "screening types file is not JSON", {
      publicMessage: "The file is not valid JSON. Choose a file exported from HealthPrep or a preset file.",
    });
  }
}

/** Preview of importing an uploaded export or preset file (its text), like a preset preview. */
export async function previewScreeningTypesFile(db: Db, input: { organizationId: Id<"organization">; text: string }): Promise<ScreeningTypesPreview> {
  const json = parseFileText(input.text);
  const items = await previewScreeningTypesImport(db, { organizationId: input.organizationId, json });
  const incoming = new Set(parseScreeningTypesJson(json).incoming.map((t) => t.definition.key));
  const untouched = (await listScreeningTypes(db, input.organizationId)).filter((row) => !incoming.has(row.key)).length;
  return { items, untouched };
}

/** Imports an uploaded file's types into the clinic with the admin's per-type choices. Audited. */
export async function importScreeningTypesFile(
  db: Db,
  input: { organizationId: Id<"organization">; actorUserId: string | null; text: string; choices: Readonly<Record<string, ScreeningTypeChoice>> },
): Promise<ApplyScreeningTypesResult> {
  return importScreeningTypes(db, { organizationId: input.organizationId, actorUserId: input.actorUserId, json: parseFileText(input.text), choices: input.choices });
}
