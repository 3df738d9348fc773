import { AppError } from "@/lib/errors";
import type { OcrProvider } from "./ocr-provider";
import { createTesseractJsProvider, type TesseractJsOptions } from "./providers/tesseract-js";
import {
  createTesseractNativeProvider,
  isNativeTesseractAvailable,
  type TesseractNativeOptions,
} from "./providers/tesseract-native";

export const ocrProviderSettings = ["auto", "tesseract-js", "native"] as const;
export type OcrProviderSetting = (typeof ocrProviderSettings)[number];

export type SelectOcrProviderOptions = {
  tesseractJs?: TesseractJsOptions;
  native?: TesseractNativeOptions;
};

/**
 * Picks the OCR engine. `auto` prefers the native CLI when it is installed (about 1.5x faster per
 * core) and otherwise uses tesseract.js, which needs nothing from the system. The setting comes
 * from lib/env.ts via the caller.
 */
export async function selectOcrProvider(
  setting: OcrProviderSetting,
  options: SelectOcrProviderOptions = {},
): Promise<OcrProvider> {
  if (setting === "tesseract-js") return createTesseractJsProvider(options.tesseractJs);
  const nativeInstalled = await isNativeTesseractAvailable(options.native?.binaryPath);
  if (nativeInstalled) return createTesseractNativeProvider(options.native);
  if (setting === "native") {
    throw new AppError("misconfigured", "OCR provider 'native' is configured but the tesseract binary was not found", {
      publicMessage: "Document OCR is not set up on the server.",
    });
  }
  return createTesseractJsProvider(options.tesseractJs);
}
