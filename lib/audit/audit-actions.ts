import { z } from "zod";

/** Every audited action, `noun.verb` in the past tense. Add here first; the writer accepts nothing else. */
export const auditActions = [
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.signed_out",
  "auth.two_factor_enrolment_started",
  "auth.two_factor_enabled",
  "auth.two_factor_disabled",
  "auth.recovery_codes_regenerated",
  "organization.created",
  "organization.updated",
  "organization.suspended",
  "organization.reactivated",
  "settings.updated",
  "member.added",
  "member.role_changed",
  "member.removed",
  "members.listed",
  "audit_log.viewed",
  "audit_log.exported",
  "job.retried",
  "ehr.connected",
  "ehr.connection_configured",
  "ehr.connection_tested",
  "ehr.refresh_failed",
  "ehr.disconnected",
  "ehr.launch_refused",
  "patient.viewed",
  "schedule.viewed",
  "patients.listed",
  "document.viewed",
  "schedule.synced",
  "patient.synced",
  "clinical_data.purged",
  "prep_sheet.generated",
  "prep_sheet.viewed",
  "prep_sheet.downloaded",
  "prep_sheet.outdated_send_confirmed",
  "ehr_writeback.sent",
  "ehr_writeback.confirmed",
  "ehr_writeback.outcome_unknown",
  "ehr_writeback.reconciled",
  "ehr_writeback.failed",
  "ehr_writeback.skipped",
  "screening_types.applied",
  "screening_types.imported",
  "screening_types.exported",
  "screening_type.created",
  "screening_type.updated",
  "screening_type.activated",
  "screening_type.deactivated",
  "screening_review.recorded",
  "screening_review.undone",
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

/**
 * Metadata holds ids, counts, enum values and field names only. Strings are length-capped and
 * checked to look like identifiers or codes, so free text (names, notes) cannot slip in.
 */
const safeScalar = z.union([
  z.string().max(120).regex(/^[\w.:/@|+-]*$/, "audit metadata strings must be ids or codes"),
  z.number(),
  z.boolean(),
  z.null(),
]);
export const auditMetadataSchema = z.record(z.string(), z.union([safeScalar, z.array(safeScalar).max(100)]));
export type AuditMetadata = z.infer<typeof auditMetadataSchema>;
