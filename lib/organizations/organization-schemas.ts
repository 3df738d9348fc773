import { z } from "zod";
import { memberRoles } from "@/db/schema/organizations";
import { isValidTimeZone } from "@/lib/dates/is-valid-time-zone";
import { windowCategories } from "@/lib/prep-sheet/prep-sheet-settings";

export const orgSlugSchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must use only lowercase letters, digits and single hyphens");

// Intl also accepts offsets and abbreviations ("EST"); a clinic names its zone the IANA way.
export const timeZoneSchema = z
  .string()
  .refine((tz) => (tz.includes("/") || tz === "UTC") && isValidTimeZone(tz), "must be an IANA time zone such as America/New_York");

export const memberRoleSchema = z.enum(memberRoles);

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(2).max(120),
  slug: orgSlugSchema,
  timeZone: timeZoneSchema,
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;

export const changeMemberRoleSchema = z.object({
  orgSlug: orgSlugSchema,
  membershipId: z.string().regex(/^mem_[0-9A-HJKMNP-TV-Z]{26}$/, "is not a member of this clinic"),
  role: memberRoleSchema,
});
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const removeMemberSchema = changeMemberRoleSchema.pick({ orgSlug: true, membershipId: true });

export const inviteMemberSchema = z.object({
  orgSlug: orgSlugSchema,
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(120),
  role: memberRoleSchema,
  // Absolute fhirUser URL, or Practitioner/<id> relative to the clinic's FHIR base; blank for none.
  epicUser: z
    .string()
    .trim()
    .max(500)
    .regex(/^(https?:\/\/\S+\/)?(Practitioner|PractitionerRole|Person)\/[\w.-]+$|^$/, "must be an Epic user such as Practitioner/abc123, or left empty")
    .transform((v) => (v === "" ? null : v))
    .default(""),
});
export type InviteMemberFormInput = z.infer<typeof inviteMemberSchema>;

/**
 * Settings forms post flat string fields named by the setting's dotted path (windows.labs.months),
 * so a validation error from the owning schema lands on the field that caused it. These schemas only
 * reshape the strings; the bounds are checked once, by the section's own schema in the update.
 */
const settingsFormFields = z.object({ orgSlug: orgSlugSchema }).catchall(z.string().max(10_000));
const formNumber = (value: string | undefined) => (value === undefined || value.trim() === "" ? Number.NaN : Number(value));
const formCheckbox = (value: string | undefined) => value === "on" || value === "true";

export const prepSheetSettingsFormSchema = settingsFormFields.transform((f) => ({
  orgSlug: f.orgSlug,
  values: {
    showMrn: formCheckbox(f.showMrn),
    windows: Object.fromEntries(
      windowCategories.map((c) => {
        const kind = f[`windows.${c}.kind`];
        if (kind === "since_last_visit") return [c, { kind, fallbackMonths: formNumber(f[`windows.${c}.fallbackMonths`]) }];
        return [c, { kind: kind ?? "months", months: formNumber(f[`windows.${c}.months`]) }];
      }),
    ),
    checklist: (f.checklist ?? "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
    notesLines: formNumber(f.notesLines),
    maxEvidencePerScreening: formNumber(f.maxEvidencePerScreening),
  } as Record<string, unknown>,
}));

export const screeningTimingFormSchema = settingsFormFields.transform((f) => ({
  orgSlug: f.orgSlug,
  values: {
    dueSoonDays: formNumber(f.dueSoonDays),
    overdueAfterDays: formNumber(f.overdueAfterDays),
    minDocumentConfidence: formNumber(f.minDocumentConfidence),
  } as Record<string, unknown>,
}));

export const writeBackSettingsFormSchema = settingsFormFields.transform((f) => ({
  orgSlug: f.orgSlug,
  values: {
    dryRun: formCheckbox(f.dryRun),
    dailyCap: formNumber(f.dailyCap),
    docStatus: f.docStatus,
    noteType:
      f["noteType.mode"] === "custom"
        ? { system: (f["noteType.system"] ?? "").trim(), code: (f["noteType.code"] ?? "").trim(), display: (f["noteType.display"] ?? "").trim() || null }
        : null,
  } as Record<string, unknown>,
}));

export const sessionSettingsFormSchema = settingsFormFields.transform((f) => ({
  orgSlug: f.orgSlug,
  values: { sessionIdleMinutes: formNumber(f.sessionIdleMinutes), sessionAbsoluteHours: formNumber(f.sessionAbsoluteHours) } as Record<string, unknown>,
}));

export const syncSettingsFormSchema = settingsFormFields.transform((f) => ({
  orgSlug: f.orgSlug,
  values: { patientConcurrency: formNumber(f.patientConcurrency) } as Record<string, unknown>,
}));
