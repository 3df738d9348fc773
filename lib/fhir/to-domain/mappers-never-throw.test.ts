import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapAppointment } from "./appointment";
import { mapCondition } from "./condition";
import { mapDiagnosticReport } from "./diagnostic-report";
import { mapDocumentReference } from "./document-reference";
import { mapEncounter } from "./encounter";
import { mapImmunization } from "./immunization";
import { mapObservation } from "./observation";
import { mapPatientFacts, mapPatientIdentity } from "./patient";
import { mapProcedure } from "./procedure";
import type { Mapped } from "./types";

const mappers: [string, (input: unknown) => Mapped<unknown>][] = [
  ["Patient", mapPatientFacts],
  ["Patient", mapPatientIdentity],
  ["Condition", mapCondition],
  ["Observation", mapObservation],
  ["Procedure", mapProcedure],
  ["DiagnosticReport", mapDiagnosticReport],
  ["DocumentReference", mapDocumentReference],
  ["Appointment", mapAppointment],
  ["Encounter", mapEncounter],
  ["Immunization", mapImmunization],
];

// Every field name any mapper reads, so random values land where the mappers look.
const fields = [
  "id", "extension", "gender", "birthDate", "deceasedBoolean", "deceasedDateTime", "active", "name", "identifier",
  "code", "category", "clinicalStatus", "verificationStatus", "onsetDateTime", "onsetPeriod", "onsetAge", "abatementDateTime",
  "abatementPeriod", "recordedDate", "subject", "encounter", "status", "valueQuantity", "valueCodeableConcept", "valueString",
  "valueBoolean", "valueInteger", "valueDateTime", "valueRange", "component", "referenceRange", "interpretation",
  "effectiveDateTime", "effectiveInstant", "effectivePeriod", "issued", "dataAbsentReason", "performedDateTime",
  "performedPeriod", "result", "conclusion", "presentedForm", "docStatus", "type", "date", "content", "context", "author",
  "description", "start", "end", "minutesDuration", "participant", "serviceType", "appointmentType", "supportingInformation",
  "class", "period", "location", "appointment", "vaccineCode", "occurrenceDateTime", "occurrenceString", "patient", "primarySource",
] as const;

const fhirish = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom("2024-02-10", "2024-02-10T09:15:00-05:00", "Patient/x", "Binary/y", "", "H", "N"),
  fc.array(fc.record({ reference: fc.string(), code: fc.string(), system: fc.string(), url: fc.string(), valueCode: fc.string() }, { requiredKeys: [] })),
);
const resourceLike = (resourceType: string) =>
  fc
    .dictionary(fc.constantFrom(...fields), fhirish, { maxKeys: 12 })
    .map((body) => ({ ...body, resourceType, id: typeof body.id === "string" ? body.id : "r1" }));

const safePath = /^[A-Za-z.[\]0-9]+$/;

describe("mappers never throw", () => {
  it.each(mappers)("%s mapper on arbitrary resource-shaped JSON", (resourceType, map) => {
    fc.assert(
      fc.property(fc.oneof(resourceLike(resourceType), fc.anything(), fc.jsonValue()), (input) => {
        const result = map(input);
        expect(() => JSON.stringify(result)).not.toThrow();
        // Issues name paths only, so they can be logged without leaking values from the input.
        for (const issue of result.issues) {
          expect(issue.path).toMatch(safePath);
          expect(["missing", "invalid", "unsupported"]).toContain(issue.problem);
        }
      }),
      { numRuns: 400 },
    );
  });
});
