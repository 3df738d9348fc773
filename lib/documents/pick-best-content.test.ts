import type { DocumentReferenceContent } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { pickBestContent } from "./pick-best-content";

const entry = (contentType: string | undefined, where: "data" | "url" | "none" = "url"): DocumentReferenceContent => ({
  attachment: { ...(contentType ? { contentType } : {}), ...(where === "data" ? { data: "AA==" } : where === "url" ? { url: `Binary/${contentType}` } : {}) },
});

describe("pickBestContent", () => {
  const cases: [string, DocumentReferenceContent[], string | undefined][] = [
    ["PDF before HTML and RTF", [entry("text/html"), entry("text/rtf"), entry("application/pdf")], "application/pdf"],
    ["text before RTF", [entry("text/rtf"), entry("text/plain; charset=utf-8")], "text/plain; charset=utf-8"],
    ["RTF before HTML", [entry("text/html"), entry("application/rtf")], "application/rtf"],
    ["HTML before an image", [entry("image/tiff"), entry("text/html")], "text/html"],
    ["image before unknown", [entry("application/octet-stream"), entry("image/jpeg")], "image/jpeg"],
    ["unknown when nothing else", [entry(undefined)], undefined],
    ["skips entries with no data or url", [entry("application/pdf", "none"), entry("text/html", "data")], "text/html"],
    ["case-insensitive types", [entry("text/html"), entry("Application/PDF")], "Application/PDF"],
  ];
  it.each(cases)("%s", (_name, content, expected) => {
    expect(pickBestContent(content)?.attachment.contentType).toBe(expected);
  });

  it("returns undefined when nothing can be fetched", () => {
    expect(pickBestContent([entry("application/pdf", "none")])).toBeUndefined();
    expect(pickBestContent(undefined)).toBeUndefined();
  });
});
