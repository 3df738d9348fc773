import { z } from "zod";
import { organizationStatuses } from "@/db/schema/organizations";
import { auditActions } from "@/lib/audit/audit-actions";
import { jobRunStatuses } from "@/db/schema/job-runs";
import { timeZoneSchema } from "@/lib/organizations/organization-schemas";

export const organizationIdSchema = z.string().regex(/^org_[0-9A-HJKMNP-TV-Z]{26}$/, "is not a clinic");
const jobRunIdSchema = z.string().regex(/^job_[0-9A-HJKMNP-TV-Z]{26}$/, "is not a job run");

export const updateOrganizationSchema = z.object({
  organizationId: organizationIdSchema,
  name: z.string().trim().min(2).max(120),
  timeZone: timeZoneSchema,
});

export const setOrganizationStatusSchema = z.object({
  organizationId: organizationIdSchema,
  status: z.enum(organizationStatuses),
});

export const retryJobRunSchema = z.object({ jobRunId: jobRunIdSchema });

// Search params arrive as strings, possibly empty ("" from an untouched <select>): empty means unset.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const isoDay = z.iso.date();

/** /admin/audit-log and its CSV export share these filters (URL search params). */
export const auditLogFilterSchema = z.object({
  organizationId: optional(organizationIdSchema),
  /** A user id, or an email that is resolved to one. */
  actor: optional(z.string().trim().regex(/^[\w.@+-]{1,200}$/, "must be an email address or a user ID")),
  action: optional(z.enum(auditActions)),
  from: optional(isoDay),
  to: optional(isoDay),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
});
export type AuditLogFilterInput = z.infer<typeof auditLogFilterSchema>;

export const jobRunFilterSchema = z.object({
  organizationId: optional(organizationIdSchema),
  status: optional(z.enum(jobRunStatuses)),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
});
export type JobRunFilterInput = z.infer<typeof jobRunFilterSchema>;

export const memberSearchSchema = z.object({ q: optional(z.string().trim().max(100)) });

/** Next hands searchParams as string | string[]; the first value wins. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export { jobRunStatuses } from "@/db/schema/job-runs";
export { auditActions } from "@/lib/audit/audit-actions";
