import { describe, expect, it } from "vitest";
import { buildPrepSheet } from "@/lib/prep-sheet/build-prep-sheet";
import { buildPrepInput } from "@/lib/prep-sheet/build-test-prep-input";
import { renderPrepSheetText } from "@/lib/prep-sheet/render-prep-sheet-text";
import { buildDocumentReference, prepSheetIdentifierSystem, type DocumentReferenceInput } from "./build-document-reference";

const sheet = buildPrepSheet(buildPrepInput({ clinicSettings: { showMrn: true } }));
const noteText = renderPrepSheetText(sheet);
const base: DocumentReferenceInput = {
  prepSheetId: sheet.id, noteText, ehrPatientId: "eP1", ehrEncounterId: "eE-today", author: "Practitioner/ePr1", generatedAt: sheet.generatedAt,
};

describe("buildDocumentReference", () => {
  it("builds Epic's Clinical Notes create payload", () => {
    const resource = buildDocumentReference(base);
    expect(resource).toMatchObject({
      resourceType: "DocumentReference",
      status: "current",
      docStatus: "preliminary",
      identifier: [{ system: "urn:healthprep:prep-sheet", value: "7d0c7e9e-9f5c-4d55-9a57-0f3f1d0b8a11" }],
      type: { coding: [{ system: "http://loinc.org", code: "11506-3", display: "Progress note" }] },
      category: [{ coding: [{ system: "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", code: "clinical-note" }] }],
      subject: { reference: "Patient/eP1" },
      context: { encounter: [{ reference: "Encounter/eE-today" }] },
      author: [{ reference: "Practitioner/ePr1" }],
      date: "2026-03-02T23:15:00Z",
    });
    expect(resource.content).toHaveLength(1); // Epic keeps only the first attachment
    const attachment = resource.content[0]!.attachment;
    expect(attachment.contentType).toBe("text/plain");
    expect(Buffer.from(attachment.data ?? "", "base64").toString("utf8")).toBe(noteText);
    expect(resource.relatesTo).toBeUndefined();
  });

  it.each([
    [{}, "preliminary", "11506-3", undefined],
    [{ docStatus: "final" as const }, "final", "11506-3", undefined],
    [{ noteType: { system: "urn:oid:1.2.840.114350.1.13.0.1.7.4.737880.5010", code: "1", display: "Pre-Charting" } }, "preliminary", "1", undefined],
    [{ replacesEpicId: "eDR-prev.1" }, "preliminary", "11506-3", [{ code: "replaces", target: { reference: "DocumentReference/eDR-prev.1" } }]],
  ])("options %j", (options, docStatus, typeCode, relatesTo) => {
    const resource = buildDocumentReference({ ...base, ...options });
    expect(resource.docStatus).toBe(docStatus);
    expect(resource.type?.coding?.[0]?.code).toBe(typeCode);
    expect(resource.relatesTo).toEqual(relatesTo);
  });

  it("carries no name, MRN or birth date outside the base64 note", () => {
    const resource = buildDocumentReference({ ...base, replacesEpicId: "prev" });
    expect(noteText).toContain("MRN-204711"); // the note itself may hold them (showMrn is on here)
    const withoutNote = JSON.stringify({ ...resource, content: resource.content.map((c) => ({ ...c, attachment: { ...c.attachment, data: "" } })) });
    for (const phi of ["Testpatient", "Zoë", "Zoe", "MRN-204711", "204711", "1961-03-03", "1961"]) expect(withoutNote).not.toContain(phi);
    expect(resource.identifier?.[0]?.system).toBe(prepSheetIdentifierSystem);
  });

  it.each([
    ["ehrPatientId", "Patient/eP1"],
    ["ehrEncounterId", "has space"],
    ["author", "eP1"],
    ["author", "Patient/eP1"],
    ["replacesEpicId", "DocumentReference/x"],
    ["noteText", ""],
    ["generatedAt", "2026-03-02"],
  ])("rejects a bad %s (%s)", (field, value) => {
    expect(() => buildDocumentReference({ ...base, [field]: value })).toThrow();
  });
});
