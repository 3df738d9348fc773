import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocumentText } from "../../extract-document-text";
import { splitTiffFrames } from "../../images/split-tiff-frames";
import { measureWordAccuracy } from "../../word-accuracy";
import { OcrFailedError, OcrTimeoutError } from "../ocr-provider";
import { selectOcrProvider } from "../select-ocr-provider";
import { createTesseractNativeProvider, isNativeTesseractAvailable } from "./tesseract-native";

const dir = path.join(process.cwd(), "tests/fixtures/documents");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const truth = (name: string) => readFileSync(path.join(dir, `${name}.gt.txt`), "utf8");
const installed = await isNativeTesseractAvailable();

describe("selectOcrProvider", () => {
  it("uses tesseract.js when asked, native when installed and 'auto'", async () => {
    const js = await selectOcrProvider("tesseract-js");
    expect(js.name).toBe("tesseract-js");
    await js.close();
    const auto = await selectOcrProvider("auto");
    expect(auto.name).toBe(installed ? "tesseract-native" : "tesseract-js");
    await auto.close();
  });

  it("refuses 'native' when the binary is missing", async () => {
    await expect(selectOcrProvider("native", { native: { binaryPath: "/nonexistent/tesseract" } })).rejects.toMatchObject({ code: "misconfigured" });
    expect(await isNativeTesseractAvailable("/nonexistent/tesseract")).toBe(false);
  });
});

describe.skipIf(!installed)("tesseract-native provider (Debian tesseract-ocr)", () => {
  const native = createTesseractNativeProvider();

  it("reads a PNG with word confidence", async () => {
    const result = await native.recognize(fixture("mammogram.png"));
    expect(measureWordAccuracy(truth("mammogram"), result.text)).toBeGreaterThanOrEqual(0.9);
    expect(result.confidence).toBeGreaterThan(0.8);
    expect(result.words?.length).toBeGreaterThan(10);
  });

  it("reads single TIFF frames, including CCITT G4", async () => {
    const [page2] = splitTiffFrames(fixture("discharge-fax.tif"), 5).slice(1);
    expect((await native.recognize(page2?.bytes ?? new Uint8Array())).text).toMatch(/pneumonia/);
    expect((await native.recognize(fixture("mammogram-g4.tif"))).text).toMatch(/BI-RADS/);
  });

  it("extracts the scanned colonoscopy PDF end to end", async () => {
    const result = await extractDocumentText(fixture("colonoscopy-scanned.pdf"), {
      ocr: native,
      limits: { maxBytes: 5_000_000, maxPages: 10, ocrTimeoutMs: 30_000, ocrDpi: 200 },
    });
    expect(result.ok && measureWordAccuracy(truth("colonoscopy-scanned"), result.text)).toBeGreaterThanOrEqual(0.9);
  });

  it("kills a process that runs past the timeout", async () => {
    await expect(native.recognize(fixture("mammogram.png"), { timeoutMs: 1 })).rejects.toBeInstanceOf(OcrTimeoutError);
  });

  it("reports an unreadable image as such", async () => {
    await expect(native.recognize(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).rejects.toMatchObject({
      name: "OcrFailedError",
      kind: "unreadable_image",
    });
    expect(OcrFailedError).toBeDefined();
  });
});
