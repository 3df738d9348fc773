import "server-only";
import type { Db } from "@/db/client";
import { insertScreeningType, listScreeningTypes, updateScreeningType, type ScreeningTypeRow } from "@/db/queries/screenings";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createId, type Id } from "@/lib/ids";
import type { ScreeningType } from "@/lib/screening";
import { parseStoredType } from "./parse-stored-type";

/** How one incoming type relates to the clinic's: absent, identical apart from version, or different. */
export type ScreeningTypeChange = "new" | "identical" | "changed";
export type ScreeningTypeChoice = "skip" | "overwrite";

export type IncomingScreeningType = { definition: ScreeningType; active: boolean };

export type ScreeningTypePreviewItem = {
  key: string;
  name: string;
  change: ScreeningTypeChange;
  incomingVersion: number;
  currentVersion: number | null;
  currentActive: boolean | null;
};

export type ApplyScreeningTypesInput = {
  organizationId: Id<"organization">;
  actorUserId: string | null;
  incoming: readonly IncomingScreeningType[];
  /** Per changed key; a changed type without a choice is skipped (the safe default). */
  choices?: Readonly<Record<string, ScreeningTypeChoice>>;
  origin: { presetKey: string; presetVersion: number } | null;
  action: Extract<AuditAction, "screening_types.applied" | "screening_types.imported">;
};

export type ApplyScreeningTypesResult = { added: string[]; overwritten: string[]; skipped: string[]; unchanged: string[] };

const withoutVersion = (type: ScreeningType) => JSON.stringify({ ...type, version: 0 });

function classify(incoming: ScreeningType, current: ScreeningTypeRow | undefined): ScreeningTypeChange {
  if (!current) return "new";
  return withoutVersion(parseStoredType(current)) === withoutVersion(incoming) ? "identical" : "changed";
}

/** What applying these types would do, type by type, without writing anything. */
export async function previewScreeningTypes(
  db: Db,
  input: { organizationId: Id<"organization">; incoming: readonly IncomingScreeningType[] },
): Promise<ScreeningTypePreviewItem[]> {
  const current = new Map((await listScreeningTypes(db, input.organizationId)).map((row) => [row.key, row]));
  return input.incoming.map(({ definition }) => {
    const row = current.get(definition.key);
    return {
      key: definition.key, name: definition.name, change: classify(definition, row), incomingVersion: definition.version,
      currentVersion: row?.version ?? null, currentActive: row?.active ?? null,
    };
  });
}

/**
 * Adds new types, overwrites changed ones the caller chose to overwrite (the stored version goes past
 * both the old and the incoming one) and leaves the rest; one transaction with its audit row.
 * Running it twice with the same input changes nothing the second time.
 */
export async function applyScreeningTypes(db: Db, input: ApplyScreeningTypesInput): Promise<ApplyScreeningTypesResult> {
  return db.transaction(async (tx) => {
    const current = new Map((await listScreeningTypes(tx, input.organizationId)).map((row) => [row.key, row]));
    const result: ApplyScreeningTypesResult = { added: [], overwritten: [], skipped: [], unchanged: [] };
    const touched: Id<"screeningType">[] = [];
    for (const { definition, active } of input.incoming) {
      const row = current.get(definition.key);
      const change = classify(definition, row);
      const origin = { presetKey: input.origin?.presetKey ?? null, presetVersion: input.origin?.presetVersion ?? null };
      if (change === "new") {
        const inserted = await insertScreeningType(tx, input.organizationId, {
          id: createId("screeningType"), key: definition.key, version: definition.version, name: definition.name,
          definition, active, ...origin,
        });
        if (inserted) touched.push(inserted.id);
        (inserted ? result.added : result.unchanged).push(definition.key);
      } else if (change === "identical" || !row) {
        result.unchanged.push(definition.key);
      } else if (input.choices?.[definition.key] === "overwrite") {
        const version = Math.max(row.version + 1, definition.version);
        await updateScreeningType(tx, input.organizationId, row.id, {
          version, name: definition.name, definition: { ...definition, version }, active, ...origin,
        });
        touched.push(row.id);
        result.overwritten.push(definition.key);
      } else {
        result.skipped.push(definition.key);
      }
    }
    await recordAuditEvent(tx, { actorUserId: input.actorUserId, organizationId: input.organizationId }, {
      action: input.action,
      targetType: "screening_type",
      targetIds: touched,
      metadata: {
        presetKey: input.origin?.presetKey ?? null, presetVersion: input.origin?.presetVersion ?? null,
        added: result.added.length, overwritten: result.overwritten.length, skipped: result.skipped.length, unchanged: result.unchanged.length,
      },
    });
    return result;
  });
}
