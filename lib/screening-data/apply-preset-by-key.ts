import "server-only";
import type { Db } from "@/db/client";
import { listScreeningTypes } from "@/db/queries/screenings";
import type { Id } from "@/lib/ids";
import { applyPreset, previewPreset } from "./apply-preset";
import type { ApplyScreeningTypesResult, ScreeningTypeChoice, ScreeningTypePreviewItem } from "./apply-screening-types";
import { getScreeningPresetOrThrow } from "./screening-presets";

export type ScreeningTypesPreview = {
  items: ScreeningTypePreviewItem[];
  /** The clinic's own types the incoming set does not mention: applying never touches them. */
  untouched: number;
};

/** What applying the preset named `presetKey` would change in this clinic; writes nothing. */
export async function previewPresetByKey(db: Db, input: { organizationId: Id<"organization">; presetKey: string }): Promise<ScreeningTypesPreview> {
  const preset = getScreeningPresetOrThrow(input.presetKey);
  const items = await previewPreset(db, { organizationId: input.organizationId, preset });
  const incoming = new Set(items.map((i) => i.key));
  const untouched = (await listScreeningTypes(db, input.organizationId)).filter((row) => !incoming.has(row.key)).length;
  return { items, untouched };
}

/** Applies the preset named `presetKey`: new types added, changed ones replaced only where chosen. Audited. */
export async function applyPresetByKey(
  db: Db,
  input: { organizationId: Id<"organization">; actorUserId: string | null; presetKey: string; choices: Readonly<Record<string, ScreeningTypeChoice>> },
): Promise<ApplyScreeningTypesResult> {
  const preset = getScreeningPresetOrThrow(input.presetKey);
  return applyPreset(db, { organizationId: input.organizationId, actorUserId: input.actorUserId, preset, choices: input.choices });
}
