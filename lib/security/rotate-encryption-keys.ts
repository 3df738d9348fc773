import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { totpSecretAad } from "@/lib/auth/two-factor";
import type { EnvelopeCipher } from "@/lib/crypto";
import { clientSecretAad } from "@/lib/smart/load-epic-endpoints";
import { tokenAad } from "@/lib/smart/token-aad";
import { syncAad } from "@/lib/sync/sync-aad";
import { extractionAad } from "@/lib/documents/store-extraction-results";
import { prepSheetAad } from "@/lib/prep-sheet-data/prep-sheet-aad";
import { screeningResultAad } from "@/lib/screening-data/screen-patient";
import { signingKeyAad } from "@/lib/smart/signing-keys";
import { pageAad } from "@/lib/sync/process-document-steps";
import { patientBannerAad } from "@/lib/schedule/patient-banner-aad";

type Row = Record<string, string | null>;
/** One encrypted column: where it lives, its primary key, and the aad its writer binds it to. */
export type EncryptedColumn = { table: string; column: string; key: string[]; reads: string[]; aad: (row: Row) => string };

const v = (row: Row, name: string) => row[name] ?? "";

// Every ciphertext the app stores. The aad strings must match their writers; the rotation test reads
// rotated values back through the app's own readers. Add a column here when a table gains one.
export const encryptedColumns: EncryptedColumn[] = [
  { table: "ehr_connections", column: "client_secret_encrypted", key: ["id"], reads: ["organization_id"], aad: (r) => clientSecretAad(v(r, "organization_id")) },
  ...(["access", "refresh"] as const).map((which) => ({
    table: "ehr_tokens",
    column: `${which}_token_encrypted`,
    key: ["id"],
    reads: ["organization_id", "user_id"],
    aad: (r: Row) => tokenAad({ organizationId: v(r, "organization_id"), userId: r.user_id }, which),
  })),
  { table: "signing_keys", column: "private_jwk_encrypted", key: ["kid"], reads: [], aad: (r) => signingKeyAad(v(r, "kid")) },
  { table: "users", column: "totp_secret_encrypted", key: ["id"], reads: [], aad: (r) => totpSecretAad(v(r, "id")) },
  { table: "patients", column: "facts_encrypted", key: ["id"], reads: [], aad: (r) => syncAad.patientFacts(v(r, "id")) },
  {
    table: "clinical_records",
    column: "data_encrypted",
    key: ["id"],
    reads: ["organization_id", "patient_id", "resource_type", "ehr_id"],
    aad: (r) =>
      syncAad.clinicalRecord({ organizationId: v(r, "organization_id"), patientId: v(r, "patient_id"), resourceType: v(r, "resource_type"), ehrId: v(r, "ehr_id") }),
  },
  { table: "patient_documents", column: "title_encrypted", key: ["id"], reads: [], aad: (r) => syncAad.documentTitle(v(r, "id")) },
  { table: "patient_documents", column: "text_encrypted", key: ["id"], reads: [], aad: (r) => syncAad.documentText(v(r, "id")) },
  {
    table: "document_extractions",
    column: "result_encrypted",
    key: ["organization_id", "content_hash"],
    reads: [],
    aad: (r) => extractionAad(v(r, "organization_id"), v(r, "content_hash")),
  },
  {
    table: "document_page_texts",
    column: "text_encrypted",
    key: ["document_id", "content_hash", "page_number"],
    reads: [],
    aad: (r) => pageAad(v(r, "document_id"), v(r, "content_hash"), Number(v(r, "page_number"))),
  },
  { table: "prep_sheets", column: "model_encrypted", key: ["id"], reads: ["organization_id"], aad: (r) => prepSheetAad(v(r, "organization_id"), v(r, "id")) },
  {
    table: "patient_banners",
    column: "banner_encrypted",
    key: ["organization_id", "patient_id"],
    reads: [],
    aad: (r) => patientBannerAad(v(r, "organization_id"), v(r, "patient_id")),
  },
  {
    table: "screening_results",
    column: "details_encrypted",
    key: ["id"],
    reads: ["organization_id"],
    aad: (r) => screeningResultAad(v(r, "organization_id"), v(r, "id")),
  },
];

export type RotationStats = { table: string; column: string; rotated: number; changedMeanwhile: number; failed: number; missing?: true };

const id = (name: string) => sql.raw(`"${name.replace(/"/g, "")}"`);
const list = (names: string[]) => sql.join(names.map(id), sql`, `);
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;

async function tableHasColumn(db: Db, table: string, column: string): Promise<boolean> {
  const result = await db.execute(
    sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`,
  );
  return rowsOf(result).length > 0;
}

/**
 * Re-encrypts one column under the active key, while the app keeps running: keyset batches in
 * primary-key order, and each row is written back only if it still holds the ciphertext that was read
 * (compare-and-swap), so a concurrent write by the app is never overwritten. Values that fail to
 * decrypt are counted and left alone.
 */
export async function rotateColumn(db: Db, cipher: EnvelopeCipher, spec: EncryptedColumn, batchSize = 200): Promise<RotationStats> {
  const stats: RotationStats = { table: spec.table, column: spec.column, rotated: 0, changedMeanwhile: 0, failed: 0 };
  if (!(await tableHasColumn(db, spec.table, spec.column))) return { ...stats, missing: true };
  const keyText = spec.key.map((k) => sql`${id(k)}::text as ${id(`k_${k}`)}`);
  const readText = [...new Set([...spec.key, ...spec.reads])].map((c) => sql`${id(c)}::text as ${id(c)}`);
  const stale = sql`${id(spec.column)} like 'hp1.%' and ${id(spec.column)} not like ${`hp1.${cipher.activeKeyId}.%`}`;
  let after: string[] | null = null;
  for (;;) {
    const cursor: SQL = after
      ? sql`and (${list(spec.key)}) > (${sql.join(after.map((value, i) => sql`${value}::${sql.raw(typeColumnCast(spec, i))}`), sql`, `)})`
      : sql``;
    const rows = rowsOf(
      await db.execute(
        sql`select ${sql.join([...keyText, ...readText], sql`, `)}, ${id(spec.column)} as "value" from ${id(spec.table)}
            where ${stale} ${cursor} order by ${list(spec.key)} limit ${batchSize}`,
      ),
    );
    if (rows.length === 0) return stats;
    for (const row of rows) {
      const value = row.value!;
      let rotated: string | null;
      try {
        rotated = cipher.rotate(value, spec.aad(row));
      } catch {
        stats.failed++;
        continue;
      }
      if (rotated === null) continue;
      const match = sql.join(spec.key.map((k) => sql`${id(k)}::text = ${row[`k_${k}`]}`), sql` and `);
      const updated = rowsOf(
        await db.execute(sql`update ${id(spec.table)} set ${id(spec.column)} = ${rotated} where ${match} and ${id(spec.column)} = ${value} returning 1`),
      );
      if (updated.length === 1) stats.rotated++;
      else stats.changedMeanwhile++;
    }
    after = spec.key.map((k) => rows[rows.length - 1]![`k_${k}`]!);
  }
}

// page_number is the only non-text key column.
function typeColumnCast(spec: EncryptedColumn, index: number): string {
  return spec.key[index] === "page_number" ? "integer" : "text";
}

/** Every registered column, one after another. */
export async function rotateEncryptionKeys(
  db: Db,
  cipher: EnvelopeCipher,
  options: { batchSize?: number; onColumn?: (stats: RotationStats) => void } = {},
): Promise<RotationStats[]> {
  const all: RotationStats[] = [];
  for (const spec of encryptedColumns) {
    const stats = await rotateColumn(db, cipher, spec, options.batchSize);
    options.onColumn?.(stats);
    all.push(stats);
  }
  return all;
}
