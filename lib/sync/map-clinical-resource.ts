import type { ClinicalResourceType } from "@/db/schema";
import { mapCondition } from "@/lib/fhir/to-domain/condition";
import { mapDiagnosticReport } from "@/lib/fhir/to-domain/diagnostic-report";
import { mapEncounter } from "@/lib/fhir/to-domain/encounter";
import { mapImmunization } from "@/lib/fhir/to-domain/immunization";
import { mapObservation } from "@/lib/fhir/to-domain/observation";
import { mapProcedure } from "@/lib/fhir/to-domain/procedure";
import type { Mapped } from "@/lib/fhir/to-domain/types";

const mappers: Record<ClinicalResourceType, (input: unknown) => Mapped<{ ehrId: string }>> = {
  Condition: mapCondition,
  Observation: mapObservation,
  Procedure: mapProcedure,
  DiagnosticReport: mapDiagnosticReport,
  Immunization: mapImmunization,
  Encounter: mapEncounter,
};

/**
 * The stored form of a clinical resource: the domain record from lib/fhir (codes, values, dates,
 * statuses), not the raw FHIR (which carries names in displays, performer details, narrative).
 * DiagnosticReport attachments are dropped here: inline report bodies can be megabytes. Pure.
 */
export function mapClinicalResource(resourceType: ClinicalResourceType, resource: unknown): { ehrId: string; data: unknown } | null {
  const { value } = mappers[resourceType](resource);
  if (!value) return null;
  if (resourceType === "DiagnosticReport") {
    const { presentedForm, ...rest } = value as { presentedForm?: { contentType: string | null }[] };
    return { ehrId: value.ehrId, data: { ...rest, presentedFormTypes: (presentedForm ?? []).map((f) => f.contentType) } };
  }
  return { ehrId: value.ehrId, data: value };
}
