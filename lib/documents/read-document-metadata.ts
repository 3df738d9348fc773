import type { DocumentReference } from "@medplum/fhirtypes";
import type { DocumentMetadata } from "./classify-document";
import { pickBestContent } from "./pick-best-content";

/** The parts of a FHIR DocumentReference that classification uses. Pure. */
export function readDocumentMetadata(doc: DocumentReference): DocumentMetadata {
  const concepts = [doc.type, ...(doc.category ?? [])].filter((c) => c !== undefined);
  return {
    codings: concepts.flatMap((concept) => concept.coding ?? []),
    codeTexts: concepts.map((concept) => concept.text),
    title: doc.description ?? pickBestContent(doc.content)?.attachment?.title ?? null,
    servicePeriodStart: doc.context?.period?.start ?? doc.context?.period?.end ?? null,
  };
}
