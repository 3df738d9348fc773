import type { DomainDocumentReference, Mapped } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { readConcept, readCoding } from "./read-concept";
import { asRecord, asRecords, asString } from "./read-json";
import { readAttachment } from "./read-attachment";
import { referenceId, referenceIds } from "./read-reference";
import { dateField, mapResource } from "./map-resource";

/**
 * Map a DocumentReference with every content entry (Epic notes usually carry text/html and
 * text/rtf, each a `Binary/<id>` url; external documents may inline base64 `data`). Identifiers are
 * kept so our own prep sheets (our identifier system) can be recognised and not re-ingested.
 */
export function mapDocumentReference(input: unknown): Mapped<DomainDocumentReference> {
  return mapResource(input, "DocumentReference", (resource, id, issues) => {
    const context = asRecord(resource.context);
    const contents = asRecords(resource.content).flatMap((content, index) => {
      const attachment = readAttachment(content.attachment, readCoding(content.format)?.code ?? null);
      if (attachment === null) issues.push({ path: `content[${index}].attachment`, problem: "missing" });
      else if (attachment.url === null && !attachment.hasData) issues.push({ path: `content[${index}].attachment`, problem: "invalid" });
      return attachment ?? [];
    });
    if (contents.length === 0) issues.push({ path: "content", problem: "missing" });
    return {
      ehrId: id,
      patientId: referenceId(resource.subject, "Patient"),
      encounterIds: referenceIds(context?.encounter, "Encounter"),
      status: asString(resource.status),
      docStatus: asString(resource.docStatus),
      type: readConcept(resource.type),
      categories: asRecords(resource.category).map(readConcept),
      date: dateField(issues, "date", resource.date, normalizeFhirDate),
      periodStart: dateField(issues, "context.period.start", asRecord(context?.period)?.start, normalizeFhirDate),
      identifiers: asRecords(resource.identifier).flatMap((identifier) => {
        const value = asString(identifier.value);
        return value === null ? [] : [{ system: asString(identifier.system), value }];
      }),
      authorIds: [...referenceIds(resource.author, "Practitioner"), ...referenceIds(resource.author, "PractitionerRole")],
      description: asString(resource.description),
      contents,
    };
  });
}
