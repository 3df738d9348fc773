import { z } from "zod";
import { defaultDailyCap } from "./decide-write-back-start";

/**
 * A clinic's write-back knobs, read from `organizations.settings.writeBack` (jsonb). Anything
 * malformed falls back to the safe defaults: preliminary notes, LOINC progress note, cap 10 a day.
 */
export const writeBackSettingsSchema = z.object({
  dryRun: z.boolean().default(false),
  dailyCap: z.number().int().min(1).max(100).default(defaultDailyCap),
  docStatus: z.enum(["preliminary", "final"]).default("preliminary"),
  noteType: z.object({ system: z.string().min(1), code: z.string().min(1), display: z.string().nullable().default(null) }).nullable().default(null),
});
export type WriteBackSettings = z.infer<typeof writeBackSettingsSchema>;
export type WriteBackSettingsInput = z.input<typeof writeBackSettingsSchema>;

export function readWriteBackSettings(organizationSettings: unknown): WriteBackSettings {
  const raw = (organizationSettings as { writeBack?: unknown } | null)?.writeBack ?? {};
  const parsed = writeBackSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : writeBackSettingsSchema.parse({});
}
