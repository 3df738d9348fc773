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
