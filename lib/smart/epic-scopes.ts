/** Scopes a provider-facing HealthPrep connection asks for by default (SMART v1 spelling, as Epic answers). */
export const defaultEpicScopes = [
  "openid",
  "fhirUser",
  "offline_access",
  "launch",
  "user/Patient.read",
  "user/Practitioner.read",
  "user/Appointment.read",
  "user/Encounter.read",
  "user/Condition.read",
  "user/Observation.read",
  "user/Procedure.read",
  "user/DiagnosticReport.read",
  "user/DocumentReference.read",
  "user/Binary.read",
  "user/Immunization.read",
  "user/DocumentReference.write",
].join(" ");

/** `launch` is for EHR launch only; a standalone sign-in drops it (Epic refuses it without a launch token). */
export function scopesFor(configured: string, mode: "standalone" | "ehr"): string {
  const parts = configured.split(/\s+/).filter(Boolean);
  return (mode === "ehr" ? parts : parts.filter((s) => s !== "launch")).join(" ");
}
