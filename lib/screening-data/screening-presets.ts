import { screeningPresetSchema, uspstfAdultPrimaryCarePreset, type ScreeningPreset } from "@/lib/screening";
import { AppError } from "@/lib/errors";

/** Presets a clinic can apply, by key. Add a preset here once it exists in lib/screening/presets. */
const presets = [uspstfAdultPrimaryCarePreset].map((preset) => screeningPresetSchema.parse(preset));

export type ScreeningPresetOption = { key: string; version: number; name: string; source: string; types: number };

export function listScreeningPresets(): ScreeningPresetOption[] {
  return presets.map((p) => ({ key: p.key, version: p.version, name: p.name, source: p.source, types: p.types.length }));
}

export function getScreeningPresetOrThrow(key: string): ScreeningPreset {
  const preset = presets.find((p) => p.key === key);
  if (!preset) throw new AppError("not_found", "unknown screening preset", { publicMessage: "That preset does not exist." });
  return preset;
}
