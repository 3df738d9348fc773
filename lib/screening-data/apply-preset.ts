import "server-only";
import type { Db } from "@/db/client";
import type { Id } from "@/lib/ids";
import { screeningPresetSchema, type ScreeningPreset, type ScreeningPresetInput } from "@/lib/screening";
import {
  applyScreeningTypes,
  previewScreeningTypes,
  type ApplyScreeningTypesResult,
  type ScreeningTypeChoice,
  type ScreeningTypePreviewItem,
} from "./apply-screening-types";

const incomingOf = (preset: ScreeningPreset) => preset.types.map((definition) => ({ definition, active: true }));

/** Step one of applying a preset to a clinic: per type, new, identical or changed. */
export async function previewPreset(
  db: Db,
  input: { organizationId: Id<"organization">; preset: ScreeningPresetInput },
): Promise<ScreeningTypePreviewItem[]> {
  const preset = screeningPresetSchema.parse(input.preset);
  return previewScreeningTypes(db, { organizationId: input.organizationId, incoming: incomingOf(preset) });
}

/** Step two: new types are added, changed ones overwritten only where `choices` says so. Audited. */
export async function applyPreset(
  db: Db,
  input: {
    organizationId: Id<"organization">;
    actorUserId: string | null;
    preset: ScreeningPresetInput;
    choices?: Readonly<Record<string, ScreeningTypeChoice>>;
  },
): Promise<ApplyScreeningTypesResult> {
  const preset = screeningPresetSchema.parse(input.preset);
  return applyScreeningTypes(db, {
    organizationId: input.organizationId,
    actorUserId: input.actorUserId,
    incoming: incomingOf(preset),
    ...(input.choices ? { choices: input.choices } : {}),
    origin: { presetKey: preset.key, presetVersion: preset.version },
    action: "screening_types.applied",
  });
}
