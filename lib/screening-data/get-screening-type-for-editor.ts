import "server-only";
import type { Db } from "@/db/client";
import { findScreeningTypeById } from "@/db/queries/screenings";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { parseStoredType, readStoredTypeHeader, type StoredTypeHeader } from "./parse-stored-type";
import { toScreeningTypeFormValues, type ScreeningTypeFormValues } from "./screening-type-form";

export type ScreeningTypeEditorData = StoredTypeHeader & {
  values: ScreeningTypeFormValues;
  /** Rules the editor does not show but keeps on save, so the admin knows they exist. */
  kept: { conditionTerms: number; observationRules: number; exclusionCodes: number; exclusionPhrases: number; keywordBlockers: number };
};

/** One of the clinic's types as the editor shows it; another clinic's id is not_found. */
export async function getScreeningTypeForEditor(db: Db, input: { organizationId: Id<"organization">; screeningTypeId: string }): Promise<ScreeningTypeEditorData> {
  const row = await findScreeningTypeById(db, input.organizationId, input.screeningTypeId);
  if (!row) throw new AppError("not_found", "screening type not found");
  const type = parseStoredType(row);
  const triggers = type.eligibility.triggers;
  return {
    ...readStoredTypeHeader(row),
    values: toScreeningTypeFormValues(type),
    kept: {
      conditionTerms: triggers?.synonyms.length ?? 0,
      observationRules: triggers?.observations.length ?? 0,
      exclusionCodes: Object.values(type.exclusions.codes).reduce((n, codes) => n + codes.length, 0),
      exclusionPhrases: type.exclusions.phrases.length,
      keywordBlockers: type.evidence.keywords.reduce((n, k) => n + k.blockers.length, 0),
    },
  };
}
