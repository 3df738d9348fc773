import type { Binary, DocumentReference, Encounter, Patient, Reference, Resource } from "@medplum/fhirtypes";

export interface DocContent {
  contentType: string;
  bytes: Uint8Array | string;
  /** Inline base64 `attachment.data` instead of a Binary/… url. */
  inline?: boolean;
  title?: string;
}

export interface DocSpec {
  id: string;
  patient: Reference<Patient>;
  type: { loinc: string; display: string };
  /** Omitted on purpose for the "no date" case. */
  date?: string;
  encounter?: string;
  contents: DocContent[];
}

const categorySystem = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";
const formatSufficient = {
  system: "http://ihe.net/fhir/ValueSet/IHE.FormatCode.codesystem",
  code: "urn:ihe:iti:xds:2017:mimeTypeSufficient",
  display: "mimeType Sufficient",
};

const base64 = (b: Uint8Array | string) => Buffer.from(typeof b === "string" ? Buffer.from(b, "utf8") : b).toString("base64");

/**
 * A DocumentReference shaped like Epic's: US Core clinical-note category, LOINC type, and content
 * pointing at `Binary/<id>` (relative, as Epic sends it) unless the content is inline.
 */
export function documentWithBinaries(spec: DocSpec): Resource[] {
  const binaries: Binary[] = [];
  const content = spec.contents.map((c, i) => {
    if (c.inline) return { attachment: { contentType: c.contentType, data: base64(c.bytes), ...(c.title ? { title: c.title } : {}) }, format: formatSufficient };
    const binaryId = `${spec.id}.b${i + 1}`;
    binaries.push({ resourceType: "Binary", id: binaryId, contentType: c.contentType, data: base64(c.bytes) });
    return { attachment: { contentType: c.contentType, url: `Binary/${binaryId}`, ...(c.title ? { title: c.title } : {}) }, format: formatSufficient };
  });
  const doc: DocumentReference = {
    resourceType: "DocumentReference",
    id: spec.id,
    status: "current",
    docStatus: "final",
    type: { coding: [{ system: "http://loinc.org", code: spec.type.loinc, display: spec.type.display }], text: spec.type.display },
    category: [{ coding: [{ system: categorySystem, code: "clinical-note", display: "Clinical Note" }], text: "Clinical Note" }],
    subject: spec.patient,
    ...(spec.date ? { date: spec.date } : {}),
    content,
    ...(spec.encounter
      ? { context: { encounter: [{ reference: `Encounter/${spec.encounter}` }], ...(spec.date ? { period: { start: spec.date } } : {}) } }
      : {}),
  };
  return [doc, ...binaries];
}

/** A past encounter for a document's context. */
export function pastEncounter(id: string, patient: Reference<Patient>, start: string, kind: "AMB" | "IMP", end?: string): Encounter {
  return {
    resourceType: "Encounter",
    id,
    status: "finished",
    class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: kind, display: kind === "AMB" ? "ambulatory" : "inpatient encounter" },
    type: [{ text: kind === "AMB" ? "Office Visit" : "Hospital Encounter" }],
    subject: patient,
    period: { start, end: end ?? start },
  };
}
