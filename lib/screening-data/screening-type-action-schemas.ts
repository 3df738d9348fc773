import { z } from "zod";
import { isId } from "@/lib/ids";
import { refineScreeningTypeForm, screeningTypeFormShape } from "./screening-type-form";

const orgSlug = z.string().min(1).max(100);
const screeningTypeId = z.string().refine((v) => isId("screeningType", v), { message: "is not a screening type" });
const choices = z.record(z.string().max(80), z.enum(["skip", "overwrite"])).default({});
// Server actions accept at most 1 MB (Next's default body limit); an export of every preset type is far smaller.
const fileText = z.string().min(1, "is empty").max(900_000, "must be at most 900 KB");

export const createScreeningTypeSchema = z.object({ orgSlug, ...screeningTypeFormShape }).refine(...refineScreeningTypeForm);

export const editScreeningTypeSchema = z
  .object({ orgSlug, screeningTypeId, version: z.coerce.number().int().min(1).optional(), ...screeningTypeFormShape })
  .refine(...refineScreeningTypeForm);

export const setScreeningTypeActiveSchema = z.object({
  orgSlug,
  screeningTypeId,
  active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});

export const previewPresetSchema = z.object({ orgSlug, presetKey: z.string().min(1).max(80) });
export const applyPresetSchema = z.object({ orgSlug, presetKey: z.string().min(1).max(80), choices });
export const previewScreeningTypesFileSchema = z.object({ orgSlug, text: fileText });
export const importScreeningTypesFileSchema = z.object({ orgSlug, text: fileText, choices });
