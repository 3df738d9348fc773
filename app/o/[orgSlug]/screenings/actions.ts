"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/http/org-action";
import { applyPresetByKey, previewPresetByKey } from "@/lib/screening-data/apply-preset-by-key";
import { createScreeningType } from "@/lib/screening-data/create-screening-type";
import { editScreeningType } from "@/lib/screening-data/edit-screening-type";
import { importScreeningTypesFile, previewScreeningTypesFile } from "@/lib/screening-data/import-screening-types-file";
import {
  applyPresetSchema,
  createScreeningTypeSchema,
  editScreeningTypeSchema,
  importScreeningTypesFileSchema,
  previewPresetSchema,
  previewScreeningTypesFileSchema,
  setScreeningTypeActiveSchema,
} from "@/lib/screening-data/screening-type-action-schemas";
import { setScreeningTypeActive } from "@/lib/screening-data/set-screening-type-active";

const listPath = (slug: string) => `/o/${slug}/screenings`;

// Add a screening type defined by the clinic.
export const createScreeningTypeAction = orgAction(
  { permission: "screening_types.manage", schema: createScreeningTypeSchema },
  async ({ orgSlug: _slug, ...form }, ctx) => {
    const result = await createScreeningType(ctx.db, { ...ctx.scope, form }, ctx.meta);
    revalidatePath(listPath(ctx.organization.slug));
    return result;
  },
);

// Save the editor's changes to one screening type.
export const editScreeningTypeAction = orgAction(
  { permission: "screening_types.manage", schema: editScreeningTypeSchema },
  async ({ orgSlug: _slug, screeningTypeId, version, ...form }, ctx) => {
    const result = await editScreeningType(
      ctx.db,
      { ...ctx.scope, screeningTypeId, form, ...(version ? { expectedVersion: version } : {}) },
      ctx.meta,
    );
    revalidatePath(listPath(ctx.organization.slug), "layout");
    return result;
  },
);

// Turn a screening type on or off for this clinic.
export const setScreeningTypeActiveAction = orgAction(
  { permission: "screening_types.manage", schema: setScreeningTypeActiveSchema },
  async (input, ctx) => {
    const result = await setScreeningTypeActive(
      ctx.db,
      { ...ctx.scope, screeningTypeId: input.screeningTypeId, active: input.active },
      ctx.meta,
    );
    revalidatePath(listPath(ctx.organization.slug), "layout");
    return result;
  },
);

// What applying a preset would change (writes nothing; shown only to those who may apply it).
export const previewPresetAction = orgAction({ permission: "screening_types.manage", schema: previewPresetSchema }, async (input, ctx) =>
  previewPresetByKey(ctx.db, { organizationId: ctx.organization.id, presetKey: input.presetKey }),
);

// Apply a preset with the admin's per-type choices.
export const applyPresetAction = orgAction({ permission: "screening_types.manage", schema: applyPresetSchema }, async (input, ctx) => {
  const result = await applyPresetByKey(ctx.db, {
    ...ctx.scope, presetKey: input.presetKey, choices: input.choices,
  });
  revalidatePath(listPath(ctx.organization.slug), "layout");
  return result;
});

// What importing an uploaded JSON file would change (writes nothing).
export const previewScreeningTypesFileAction = orgAction(
  { permission: "screening_types.manage", schema: previewScreeningTypesFileSchema },
  async (input, ctx) => previewScreeningTypesFile(ctx.db, { organizationId: ctx.organization.id, text: input.text }),
);

// Import an uploaded JSON file with the admin's per-type choices.
export const importScreeningTypesFileAction = orgAction(
  { permission: "screening_types.manage", schema: importScreeningTypesFileSchema },
  async (input, ctx) => {
    const result = await importScreeningTypesFile(ctx.db, {
      ...ctx.scope, text: input.text, choices: input.choices,
    });
    revalidatePath(listPath(ctx.organization.slug), "layout");
    return result;
  },
);
