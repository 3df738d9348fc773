import { z } from "zod";
import type { ScreeningType } from "./screening-type";

/**
 * Below this mean word confidence (tesseract's, 0–1) a page's words are not trusted as proof: the
 * evidence it yields is Needs review. Where it sits, measured with native tesseract on clinocr-bench
 * pages and the same pages degraded (noise, speckle, blur, low resolution): at 0.80 or above at least
 * 0.87 of the words read were right (mean 0.95–0.99); below, 0.90 at 0.75–0.80, 0.83 at 0.70–0.75,
 * 0.76 at 0.60–0.65, 0.25 under 0.5 — a wrong date or test name becomes likely. 203 of the corpus's
 * 204 OCR'd pages (clean scans and real-looking faxes) read at 0.80 or more, so clean pages still
 * complete; tesseract.js scores a poor page lower than native does. A clinic can ask for more
 * (settings: minDocumentConfidence).
 */
export const defaultMinOcrConfidence = 0.8;

/**
 * Per-clinic knobs. Precedence for the two windows: the clinic's override for a type key, then the
 * type's own timing, then the clinic default. Overdue starts `overdueAfterDays` after the due date.
 */
export const clinicSettingsSchema = z.object({
  dueSoonDays: z.number().int().min(0).max(730).default(30),
  overdueAfterDays: z.number().int().min(0).max(3650).default(90),
  /** Document evidence read by OCR below this confidence is review material, never proof. */
  minDocumentConfidence: z.number().min(0).max(1).default(defaultMinOcrConfidence),
  typeOverrides: z
    .record(
      z.string(),
      z.object({
        dueSoonDays: z.number().int().min(0).max(730).optional(),
        overdueAfterDays: z.number().int().min(0).max(3650).optional(),
      }),
    )
    .default({}),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;
export type ClinicSettingsInput = z.input<typeof clinicSettingsSchema>;

export const defaultClinicSettings: ClinicSettings = clinicSettingsSchema.parse({});

export function resolveTiming(
  type: ScreeningType,
  settings: ClinicSettings,
): { dueSoonDays: number; overdueAfterDays: number } {
  const override = settings.typeOverrides[type.key];
  return {
    dueSoonDays: override?.dueSoonDays ?? type.timing.dueSoonDays ?? settings.dueSoonDays,
    overdueAfterDays: override?.overdueAfterDays ?? type.timing.overdueAfterDays ?? settings.overdueAfterDays,
  };
}
