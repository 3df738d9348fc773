import { describe, expect, it } from "vitest";
import { classifyDocument, type DocumentCategory, type DocumentMetadata } from "./classify-document";
import { readDocumentMetadata } from "./read-document-metadata";

const asOf = "2024-11-28";

describe("classifyDocument", () => {
  const cases: [string, string, DocumentMetadata, DocumentCategory][] = [
    ["colonoscopy report text", "Valley GI\nCOLONOSCOPY REPORT\nProcedure Date: 03/02/2024\nPathology to follow.", {}, "procedure"],
    ["endoscopy title", "Findings normal.", { title: "EGD report" }, "procedure"],
    ["surgical pathology", "Northside Pathology Group\nSURGICAL PATHOLOGY REPORT\nCollected: 2024-03-02", {}, "pathology"],
    ["mammogram", "Lakeside Imaging Center\nSCREENING MAMMOGRAM\nBI-RADS 1", {}, "imaging"],
    ["lab report", "Riverside Medical Laboratory\nHemoglobin A1c 6.1 %\nReference range 4.0-5.6", {}, "lab"],
    ["discharge summary", "Mercy General Hospital\nDISCHARGE SUMMARY\nHospital course uneventful", {}, "hospital"],
    ["ED note", "Emergency Department visit for chest pain", {}, "hospital"],
    ["consult letter", "Cardiology Consultation\nReason for consult: palpitations", {}, "consult"],
    ["LOINC type code wins", "Some scanned text", { codings: [{ system: "http://loinc.org", code: "18746-8", display: "Colonoscopy study" }] }, "procedure"],
    ["code display text", "Some scanned text", { codings: [{ system: "urn:oid:1.2.840.114350", code: "123", display: "Outside Lab Results" }] }, "lab"],
    ["nothing recognisable", "Patient portal message: please call back.", {}, "other"],
  ];
  it.each(cases)("%s", (_name, text, metadata, expected) => {
    expect(classifyDocument({ text, metadata, asOf }).category).toBe(expected);
  });

  it("takes the service date from labelled text", () => {
    const result = classifyDocument({ text: "COLONOSCOPY REPORT\nProcedure Date: 03/02/2024", asOf });
    expect(result).toMatchObject({ serviceDate: "2024-03-02", dateSource: "text" });
  });

  it("falls back to the DocumentReference context period", () => {
    const result = classifyDocument({ text: "Colonoscopy, normal", metadata: { servicePeriodStart: "2023-05-01T10:00:00Z" }, asOf });
    expect(result).toMatchObject({ serviceDate: "2023-05-01", dateSource: "metadata" });
  });

  it("prefers a strong text label over metadata, and metadata over a weak unlabelled date", () => {
    const metadata = { servicePeriodStart: "2023-05-01" };
    expect(classifyDocument({ text: "Collected: 2024-03-02", metadata, asOf }).serviceDate).toBe("2024-03-02");
    expect(classifyDocument({ text: "note 2024-03-09", metadata, asOf }).serviceDate).toBe("2023-05-01");
  });

  it("marks a document without any date as undated, never as today", () => {
    const result = classifyDocument({ text: "COLONOSCOPY REPORT\nCecum reached.", asOf });
    expect(result).toMatchObject({ serviceDate: null, dateSource: "none" });
    expect(result.confidence).toBeLessThanOrEqual(0.3);
  });

  it("rejects future metadata dates", () => {
    const result = classifyDocument({ text: "Colonoscopy", metadata: { servicePeriodStart: "2030-01-01" }, asOf });
    expect(result.serviceDate).toBeNull();
  });

  it("reads metadata from a FHIR DocumentReference (and ignores its filing date)", () => {
    const metadata = readDocumentMetadata({
      resourceType: "DocumentReference",
      status: "current",
      date: "2024-11-28T09:00:00Z",
      type: { coding: [{ system: "http://loinc.org", code: "11526-1" }], text: "Pathology" },
      content: [{ attachment: { contentType: "application/pdf", url: "Binary/1", title: "Path report" } }],
      context: { period: { start: "2024-03-02" } },
    });
    expect(metadata).toMatchObject({ title: "Path report", servicePeriodStart: "2024-03-02" });
    expect(classifyDocument({ text: "scan", metadata, asOf })).toMatchObject({ category: "pathology", serviceDate: "2024-03-02" });
    const undated = readDocumentMetadata({ resourceType: "DocumentReference", status: "current", date: "2024-11-28", content: [] });
    expect(classifyDocument({ text: "Colonoscopy", metadata: undated, asOf }).serviceDate).toBeNull();
  });
});
