import { z } from "zod";

/**
 * How a clinic's Epic pulls run, read from `organizations.settings.sync` (jsonb). Epic asks apps
 * not to put "excessive or unexpected load" on it and publishes no number, so the clinic chooses
 * how many patients are pulled at once; 4 keeps a 40-visit day well inside a minute.
 */
export const syncSettingsSchema = z.object({
  patientConcurrency: z.number().int().min(1).max(16).default(4),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;
export type SyncSettingsInput = z.input<typeof syncSettingsSchema>;
