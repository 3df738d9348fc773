import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { listScreeningTypes } from "@/db/queries/screenings";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { screeningPresetSchema, screeningTypeSchema } from "@/lib/screening";
import {
  applyScreeningTypes,
  previewScreeningTypes,
  type ApplyScreeningTypesResult,
  type IncomingScreeningType,
  type ScreeningTypeChoice,
  type ScreeningTypePreviewItem,
} from "./apply-screening-types";
import { parseStoredType } from "./parse-stored-type";
import { describeValidationIssue } from "@/lib/http/describe-validation-issues";

/** The export file: every type of a clinic with its active flag. Presets import as well. */
export const screeningTypesExportSchema = z.object({
  format: z.literal("healthprep.screening-types"),
  formatVersion: z.literal(1),
  types: z
    .array(z.object({ active: z.boolean().default(true), definition: screeningTypeSchema }))
    .refine((types) => new Set(types.map((t) => t.definition.key)).size === types.length, { message: "must not list the same key twice" }),
});
export type ScreeningTypesExport = z.infer<typeof screeningTypesExportSchema>;

/** The clinic's types as a JSON document another clinic (or this one, later) can import. Audited. */
export async function exportScreeningTypes(db: Db, input: { organizationId: Id<"organization">; actorUserId: string | null }): Promise<ScreeningTypesExport> {
  const rows = await listScreeningTypes(db, input.organizationId);
  await recordAuditEvent(db, { actorUserId: input.actorUserId, organizationId: input.organizationId }, {
    action: "screening_types.exported", targetType: "screening_type", targetIds: rows.map((r) => r.id), metadata: { types: rows.length },
  });
  return { format: "healthprep.screening-types", formatVersion: 1, types: rows.map((row) => ({ active: row.active, definition: parseStoredType(row) })) };
}

type Parsed = { incoming: IncomingScreeningType[]; origin: { presetKey: string; presetVersion: number } | null };

/** Accepts an export file or a preset; anything else is invalid_input with the first problem's path. */
export function parseScreeningTypesJson(json: unknown): Parsed {
  const asExport = screeningTypesExportSchema.safeParse(json);
  if (asExport.success) return { incoming: asExport.data.types.map((t) => ({ definition: t.definition, active: t.active })), origin: null };
  const asPreset = screeningPresetSchema.safeParse(json);
  if (asPreset.success) {
    return { incoming: asPreset.data.types.map((definition) => ({ definition, active: true })), origin: { presetKey: asPreset.data.key, presetVersion: asPreset.data.version } };
  }
  const issue = (json && typeof json === "object" && "format" in json ? asExport : asPreset).error?.issues[0];
  throw new AppError("invalid_input", `screening types JSON: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`, {
    // The path helps whoever edits the JSON; the problem itself in plain words, not zod's.
    publicMessage: `The file is not a screening types export or preset${issue?.path.length ? ` (at ${issue.path.join(".")})` : ""}: ${issue ? describeValidationIssue(issue) : "it could not be read."}`,
  });
}

export async function previewScreeningTypesImport(db: Db, input: { organizationId: Id<"organization">; json: unknown }): Promise<ScreeningTypePreviewItem[]> {
  return previewScreeningTypes(db, { organizationId: input.organizationId, incoming: parseScreeningTypesJson(input.json).incoming });
}

export async function importScreeningTypes(
  db: Db,
  input: { organizationId: Id<"organization">; actorUserId: string | null; json: unknown; choices?: Readonly<Record<string, ScreeningTypeChoice>> },
): Promise<ApplyScreeningTypesResult> {
  const parsed = parseScreeningTypesJson(input.json);
  return applyScreeningTypes(db, {
    organizationId: input.organizationId,
    actorUserId: input.actorUserId,
    incoming: parsed.incoming,
    ...(input.choices ? { choices: input.choices } : {}),
    origin: parsed.origin,
    action: "screening_types.imported",
  });
}
