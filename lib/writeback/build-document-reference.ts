import type { DocumentReference } from "@medplum/fhirtypes";
import { z } from "zod";

/**
 * The DocumentReference create for a prep sheet, per Epic's Clinical Notes rules (epic-smart-facts
 * §2.7): one text/plain base64 attachment, an explicit docStatus, an existing encounter, US Core
 * clinical-note category. Titles and description carry no name, MRN or birth date (reference §10.3):
 * they show in lists and logs where the note body does not.
 */
export const prepSheetIdentifierSystem = "urn:healthprep:prep-sheet";
export const usCoreDocumentCategorySystem = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";
export const progressNoteType = { system: "http://loinc.org", code: "11506-3", display: "Progress note" } as const;

// FHIR ids: letters, digits, '-' and '.', up to 64 characters. Anything else would make a bad reference.
const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, "not a FHIR resource id");
const authorReference = z.string().regex(/^(Practitioner|PractitionerRole|Device|Organization)\/[A-Za-z0-9\-.]{1,64}$/);

export const documentReferenceInputSchema = z.object({
  prepSheetId: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/),
  noteText: z.string().min(1),
  ehrPatientId: fhirId,
  /** The appointment's encounter: Epic files a note only against an existing encounter of the patient. */
  ehrEncounterId: fhirId,
  author: authorReference,
  generatedAt: z.iso.datetime({ offset: true }),
  /** preliminary leaves a draft for a clinician to sign; final files it as signed. */
  docStatus: z.enum(["preliminary", "final"]).default("preliminary"),
  /** The clinic's configured note type; LOINC 11506-3 Progress note otherwise. */
  noteType: z.object({ system: z.string().min(1), code: z.string().min(1), display: z.string().nullable().default(null) }).nullable().default(null),
  /** The Epic id of the DocumentReference this one replaces (a living document). */
  replacesEpicId: fhirId.nullable().default(null),
});
export type DocumentReferenceInput = z.input<typeof documentReferenceInputSchema>;

export const noteTitle = "HealthPrep pre-visit prep sheet";

export function buildDocumentReference(input: DocumentReferenceInput): DocumentReference {
  const parsed = documentReferenceInputSchema.parse(input);
  const type = parsed.noteType ?? progressNoteType;
  const resource: DocumentReference = {
    resourceType: "DocumentReference",
    identifier: [{ system: prepSheetIdentifierSystem, value: parsed.prepSheetId }],
    status: "current",
    docStatus: parsed.docStatus,
    type: { coding: [{ system: type.system, code: type.code, ...(type.display ? { display: type.display } : {}) }], text: noteTitle },
    category: [{ coding: [{ system: usCoreDocumentCategorySystem, code: "clinical-note", display: "Clinical Note" }] }],
    subject: { reference: `Patient/${parsed.ehrPatientId}` },
    date: parsed.generatedAt,
    author: [{ reference: parsed.author }],
    description: noteTitle,
    content: [
      {
        attachment: {
          contentType: "text/plain",
          data: Buffer.from(parsed.noteText, "utf8").toString("base64"),
          title: noteTitle,
          creation: parsed.generatedAt,
        },
      },
    ],
    context: { encounter: [{ reference: `Encounter/${parsed.ehrEncounterId}` }] },
  };
  if (parsed.replacesEpicId !== null) {
    resource.relatesTo = [{ code: "replaces", target: { reference: `DocumentReference/${parsed.replacesEpicId}` } }];
  }
  return resource;
}
