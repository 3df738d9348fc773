import type { CodeSystemKind, DomainCoding, DomainConcept } from "./types";
import { asRecord, asRecords, asString } from "./read-json";

// Epic sends both the canonical URIs and HL7 OIDs for the same code systems.
const systemKinds: Record<string, CodeSystemKind> = {
  "http://hl7.org/fhir/sid/icd-10-cm": "icd10cm",
  "urn:oid:2.16.840.1.113883.6.90": "icd10cm",
  "http://hl7.org/fhir/sid/icd-9-cm": "icd9cm",
  "urn:oid:2.16.840.1.113883.6.103": "icd9cm",
  "http://snomed.info/sct": "snomed",
  "urn:oid:2.16.840.1.113883.6.96": "snomed",
  "http://loinc.org": "loinc",
  "urn:oid:2.16.840.1.113883.6.1": "loinc",
  "http://hl7.org/fhir/sid/cvx": "cvx",
  "urn:oid:2.16.840.1.113883.12.292": "cvx",
  "http://www.ama-assn.org/go/cpt": "cpt",
  "urn:oid:2.16.840.1.113883.6.12": "cpt",
  "http://www.nlm.nih.gov/research/umls/rxnorm": "rxnorm",
  "urn:oid:2.16.840.1.113883.6.88": "rxnorm",
};

/** Classify a coding system URI (Epic's own `urn:oid:1.2.840.114350…` systems are "epic"). */
export function codeSystemKind(system: string | null): CodeSystemKind {
  if (system === null) return "other";
  const known = systemKinds[system];
  if (known) return known;
  return system.startsWith("urn:oid:1.2.840.114350.") ? "epic" : "other";
}

/** Read a Coding; null when it has neither code nor display. */
export function readCoding(value: unknown): DomainCoding | null {
  const coding = asRecord(value);
  if (!coding) return null;
  const system = asString(coding.system);
  const code = asString(coding.code);
  const display = asString(coding.display);
  if (code === null && display === null) return null;
  return { system, code, display, kind: codeSystemKind(system) };
}

/** Read a CodeableConcept keeping every coding (ICD-10-CM and SNOMED side by side). */
export function readConcept(value: unknown): DomainConcept {
  const concept = asRecord(value);
  if (!concept) return { codings: [], text: null };
  const codings = asRecords(concept.coding).flatMap((c) => readCoding(c) ?? []);
  return { codings, text: asString(concept.text) };
}

/** True when the concept carries any coding or text. */
export function hasConcept(concept: DomainConcept): boolean {
  return concept.codings.length > 0 || concept.text !== null;
}

/** The distinct codes of one kind, in order. */
export function codesOfKind(concept: DomainConcept, kind: CodeSystemKind): string[] {
  const codes = concept.codings.filter((c) => c.kind === kind && c.code !== null).map((c) => c.code as string);
  return [...new Set(codes)];
}

/** Category codes of a list of CodeableConcepts (`laboratory`, `problem-list-item`, …), distinct. */
export function categoryCodes(value: unknown): string[] {
  const codes = asRecords(value).flatMap((c) => readConcept(c).codings.flatMap((coding) => coding.code ?? []));
  return [...new Set(codes)];
}

/** The first code of a CodeableConcept (used for status concepts such as clinicalStatus). */
export function firstCode(value: unknown): string | null {
  return readConcept(value).codings.find((c) => c.code !== null)?.code ?? null;
}
