/**
 * Sandbox clinician logins, as on fhir.epic.com (FHIR / FHIRTWO, password EpicFhir11!). Each is linked
 * to a synthetic Practitioner; the ids are ours, not Epic's (Epic's are not published with the logins).
 */
export interface SandboxUser {
  username: string;
  password: string;
  practitionerId: string;
  displayName: string;
}

export const sandboxUsers: readonly SandboxUser[] = [
  {
    username: "FHIR",
    password: "EpicFhir11!",
    practitionerId: "eSbxPractFHIR.UserOne0001",
    displayName: "Physician Family Medicine, MD",
  },
  {
    username: "FHIRTWO",
    password: "EpicFhir11!",
    practitionerId: "eSbxPractFHIRTWO.UserTwo02",
    displayName: "Internal Medicine Physician, MD",
  },
];

export function findSandboxUser(username: string, password: string): SandboxUser | undefined {
  // Epic user ids are case-insensitive at login; passwords are not.
  return sandboxUsers.find((u) => u.username === username.trim().toUpperCase() && u.password === password);
}

export function userByPractitionerId(practitionerId: string): SandboxUser | undefined {
  return sandboxUsers.find((u) => u.practitionerId === practitionerId);
}

/**
 * MyChart (patient) logins of fhir.epic.com, password epicepic1 (epic-smart-facts §2.2), each signed
 * in as the seed patient of the same name. A patient-facing standalone launch gets that patient as
 * its context and only patient/ scopes.
 */
export interface SandboxPatientUser {
  username: string;
  password: string;
  patientId: string;
  displayName: string;
}

export const sandboxPatientUsers: readonly SandboxPatientUser[] = [
  { username: "fhircamila", password: "epicepic1", patientId: "erXuFYUfucBZaryVksYEcMg3", displayName: "Camila Lopez" },
  { username: "fhirderrick", password: "epicepic1", patientId: "eq081-VQEgP8drUUqCWzHfw3", displayName: "Derrick Lin" },
  { username: "fhirjason", password: "epicepic1", patientId: "eSbxJasonArgonaut.Pt00013", displayName: "Jason Argonaut" },
  { username: "fhirjessica", password: "epicepic1", patientId: "eSbxJessicaArgonaut.Pt003", displayName: "Jessica Argonaut" },
  { username: "fhirnancy", password: "epicepic1", patientId: "eSbxNancySmart.Pt0000093", displayName: "Nancy Smart" },
];

export function findPatientUser(username: string, password: string): SandboxPatientUser | undefined {
  return sandboxPatientUsers.find((u) => u.username === username.trim().toLowerCase() && u.password === password);
}

export function patientUserById(patientId: string): SandboxPatientUser | undefined {
  return sandboxPatientUsers.find((u) => u.patientId === patientId);
}
