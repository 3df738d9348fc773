import { describe, expect, it } from "vitest";
import documents from "../fixtures/document-references-searchset.json";
import { getBundleResources } from "../bundle";
import { mapDocumentReference } from "./document-reference";

const byId = new Map(getBundleResources(documents).map((r) => [r.id, mapDocumentReference(r)]));

describe("mapDocumentReference on Epic-shaped fixtures", () => {
  it("clinical note with html and rtf Binary contents", () => {
    const result = byId.get("eDocNote.1");
    expect(result?.issues).toEqual([]);
    expect(result?.value).toMatchObject({
      status: "current",
      docStatus: "final",
      date: "2026-09-03T15:02:11.000Z",
      periodStart: "2026-09-03T14:00:00.000Z",
      patientId: "eFx7Qm0rT1Rk8pVw2YzA9Bc3",
      encounterIds: ["eEnc0aB1cD2eF3gH4iJ5kL3"],
      authorIds: ["eDrW9xY8zA7bC6dE5fG4hI3"],
      type: { text: "Progress Notes" },
    });
    expect(result?.value?.categories[0]?.codings[0]?.code).toBe("clinical-note");
    expect(result?.value?.type.codings.map((c) => c.kind)).toEqual(["loinc", "epic"]);
    expect(result?.value?.contents.map((c) => [c.contentType, c.url, c.binaryId, c.hasData, c.format])).toEqual([
      ["text/html", "Binary/eBinHtml.1-abc", "eBinHtml.1-abc", false, "urn:ihe:iti:xds:2017:mimeTypeSufficient"],
      ["text/rtf", "Binary/eBinRtf.1-abc", "eBinRtf.1-abc", false, "urn:ihe:iti:xds:2017:mimeTypeSufficient"],
    ]);
  });

  it("external document with inline data and an absolute Binary url", () => {
    const value = byId.get("eDocExt.2")?.value;
    expect(value?.date).toBe("2025-11-20");
    expect(value?.contents).toEqual([
      { contentType: "text/plain", url: null, binaryId: null, size: 41, title: "Mammogram.txt", hash: "2jmj7l5rSw0yVb/vlWAYkK/YBwk=", creation: "2025-11-20T16:00:00.000Z", data: "U2NyZWVuaW5nIG1hbW1vZ3JhbTogQkktUkFEUyAxLCBuZWdhdGl2ZS4=", hasData: true, format: null },
      expect.objectContaining({ contentType: "application/pdf", binaryId: "eBinPdf.2", size: 184223, title: "Mammogram.pdf", hasData: false }),
    ]);
  });

  it("keeps identifiers so our own prep sheets can be recognised", () => {
    expect(byId.get("eDocPrep.3")?.value?.identifiers).toEqual([{ system: "urn:healthprep:prep-sheet", value: "prep_01JC0000000000000000000000" }]);
  });
});

describe("mapDocumentReference on odd input", () => {
  it.each([
    ["no content", {}, [{ path: "content", problem: "missing" }]],
    ["content without attachment", { content: [{}] }, [{ path: "content[0].attachment", problem: "missing" }, { path: "content", problem: "missing" }]],
    ["attachment with neither url nor data", { content: [{ attachment: { contentType: "text/plain" } }] }, [{ path: "content[0].attachment", problem: "invalid" }]],
  ])("%s", (_name, extra, issues) => {
    const result = mapDocumentReference({ resourceType: "DocumentReference", id: "d", ...extra });
    expect(result.value?.ehrId).toBe("d");
    expect(result.issues).toEqual(issues);
  });
});
