/**
 * A decoded page, one byte per pixel (0 black … 255 white), with its resolution when the file says
 * it. Faxes have unequal resolutions (204×98 dpi "standard"), which is why there are two.
 */
export type PageBitmap = { width: number; height: number; gray: Uint8Array; xDpi: number | null; yDpi: number | null };

/** Gray level below which a pixel counts as ink in the layout measurements. */
export const inkThreshold = 128;
