import { z } from "zod";
import type { OrganizationSettings } from "@/db/schema/organizations";
import { sessionPolicy, sessionSettingBounds } from "@/lib/auth/session-policy";
import { prepSheetSettingsSchema } from "@/lib/prep-sheet/prep-sheet-settings";
import { clinicSettingsSchema } from "@/lib/screening/clinic-settings";
import { syncSettingsSchema } from "@/lib/sync/sync-settings";
import { writeBackSettingsSchema } from "@/lib/writeback/write-back-settings";

const [idleMin, idleMax] = sessionSettingBounds.idleMinutes;
const [absoluteMin, absoluteMax] = sessionSettingBounds.absoluteHours;

/** Session timeouts; the bounds are session-policy's, so what is saved is what is enforced (no silent clamping). */
export const sessionSettingsSchema = z.object({
  sessionIdleMinutes: z.number().int().min(idleMin).max(idleMax).default(sessionPolicy.idleMs / 60_000),
  sessionAbsoluteHours: z.number().int().min(absoluteMin).max(absoluteMax).default(sessionPolicy.absoluteMs / 3_600_000),
});

/** Every per-clinic setting, one section per owning module; the section schemas are theirs, not copies. */
export const clinicSettingsStoreSchema = z.object({
  prepSheet: prepSheetSettingsSchema.prefault({}),
  screening: clinicSettingsSchema.prefault({}),
  writeBack: writeBackSettingsSchema.prefault({}),
  sessions: sessionSettingsSchema.prefault({}),
  sync: syncSettingsSchema.prefault({}),
});
export type ClinicSettingsStore = z.infer<typeof clinicSettingsStoreSchema>;
export type ClinicSettingsSection = keyof ClinicSettingsStore;
export const clinicSettingsSections = Object.keys(clinicSettingsStoreSchema.shape) as ClinicSettingsSection[];

/** Where each section lives inside organizations.settings (sessions and the old showMrn sit at the top level). */
function storedSection(stored: OrganizationSettings, section: ClinicSettingsSection): unknown {
  switch (section) {
    case "prepSheet":
      return { ...(stored.showMrn === undefined ? {} : { showMrn: stored.showMrn }), ...stored.prepSheet };
    case "screening":
      return stored.screening ?? {};
    case "writeBack":
      return stored.writeBack ?? {};
    case "sessions":
      return { sessionIdleMinutes: stored.sessionIdleMinutes, sessionAbsoluteHours: stored.sessionAbsoluteHours };
    case "sync":
      return stored.sync ?? {};
  }
}

/**
 * Pure: a clinic's settings with defaults filled in. A malformed section (written by hand, or by an
 * older version) falls back to its defaults alone, so one bad value never stops prep sheets.
 */
export function readClinicSettings(settings: OrganizationSettings | null | undefined): ClinicSettingsStore {
  const stored = settings ?? {};
  const read = <S extends ClinicSettingsSection>(section: S): ClinicSettingsStore[S] => {
    const schema = clinicSettingsStoreSchema.shape[section];
    const parsed = schema.safeParse(storedSection(stored, section));
    return (parsed.success ? parsed.data : schema.parse(undefined)) as ClinicSettingsStore[S];
  };
  return { prepSheet: read("prepSheet"), screening: read("screening"), writeBack: read("writeBack"), sessions: read("sessions"), sync: read("sync") };
}

/** The jsonb patch that stores one validated section, and the top-level keys it retires. */
export function toStoredPatch<S extends ClinicSettingsSection>(section: S, value: ClinicSettingsStore[S]): { patch: OrganizationSettings; remove: string[] } {
  if (section === "sessions") return { patch: { ...(value as ClinicSettingsStore["sessions"]) }, remove: [] };
  // prepSheet.showMrn supersedes the top-level flag, so the old key goes once the section is saved.
  return { patch: { [section]: value }, remove: section === "prepSheet" ? ["showMrn"] : [] };
}

/** Field names (dotted, two levels at most) whose values differ: what the audit row records, never the values. */
export function listChangedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
    if (isRecord(a) && isRecord(b)) {
      for (const inner of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (JSON.stringify(a[inner]) !== JSON.stringify(b[inner])) changed.push(`${key}.${inner}`);
      }
    } else {
      changed.push(key);
    }
  }
  return changed.sort();
}
