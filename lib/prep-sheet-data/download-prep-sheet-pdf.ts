import "server-only";
import type { Db } from "@/db/client";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Id } from "@/lib/ids";
import { renderPrepSheetPdf } from "@/lib/prep-sheet";
import { loadPrepSheet } from "./load-prep-sheet";

/**
 * The stored sheet as a PDF for download, audited as `prep_sheet.downloaded`. The file name carries
 * the visit date and version only: no patient name or identifier leaves in a header.
 */
export async function downloadPrepSheetPdf(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; prepSheetId: string },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<{ bytes: Uint8Array; filename: string }> {
  const { row, sheet } = await loadPrepSheet(db, input);
  const bytes = await renderPrepSheetPdf(sheet);
  await recordAuditEvent(db, { ...audit, actorUserId: input.userId, organizationId: input.organizationId }, {
    action: "prep_sheet.downloaded",
    targetType: "prep_sheet",
    targetIds: [row.id],
    metadata: { patientId: row.patientId, version: row.version, format: "pdf" },
  });
  return { bytes, filename: `prep-sheet-${row.asOf}-v${row.version}.pdf` };
}
