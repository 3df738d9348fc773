import type { NumberFieldSpec } from "./settings-form";

/**
 * The clinic's number settings as the settings pages show them, one table per section. The bounds
 * repeat the owning schemas' so the browser can say so before a save; the server checks them again.
 */
export const numberSettings = {
  sync: [
    {
      name: "patientConcurrency", label: "Patients pulled from Epic at once", min: 1, max: 16,
      hint: "1–16; default 4. Higher prepares a full day sooner but puts more load on your Epic at once; lower it if Epic answers “too many requests”.",
    },
  ],
  sessions: [
    { name: "sessionIdleMinutes", label: "Sign out after inactivity (minutes)", min: 5, max: 240, hint: "5–240 minutes; default 30. A session unused this long ends." },
    {
      name: "sessionAbsoluteHours", label: "Sign out after (hours), however active", min: 1, max: 12,
      hint: "1–12 hours; default 12, which is also how long the sign-in cookie lives, so longer is not possible.",
    },
  ],
  screening: [
    { name: "dueSoonDays", label: "Due soon (days before due)", min: 0, max: 730, hint: "0–730 days; default 30." },
    { name: "overdueAfterDays", label: "Overdue (days after due)", min: 0, max: 3650, hint: "0–3650 days; default 90." },
    {
      name: "minDocumentConfidence", label: "Minimum OCR confidence", min: 0, max: 1, step: "any",
      hint: "0 to 1; default 0.8. Scanned documents read with less confidence go to review, never count as proof.",
    },
  ],
  prepSheet: [
    { name: "maxEvidencePerScreening", label: "Evidence items per screening", min: 1, max: 20, hint: "The rest are counted, not listed (1–20)." },
    { name: "notesLines", label: "Blank lines for notes", min: 0, max: 40, hint: "0–40; 0 leaves out the notes area." },
  ],
} satisfies Record<string, readonly NumberFieldSpec[]>;
