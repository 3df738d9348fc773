import type { SandboxClient } from "./sandbox-types";

export const confidentialClientId = "healthprep-confidential";
export const confidentialClientSecret = "healthprep-sandbox-secret";
export const publicClientId = "healthprep-public";
export const privateKeyJwtClientId = "healthprep-jwt";
export const backendClientId = "healthprep-backend";

/** The app's callback; loopback variants on any port are accepted while allowAnyLoopbackRedirect is on. */
export const appRedirectUris = [
  "http://localhost:3000/api/auth/callback/epic",
  "http://127.0.0.1:3000/api/auth/callback/epic",
];

const readTypes = [
  "Patient", "Practitioner", "Encounter", "Appointment", "Condition", "Observation", "Procedure",
  "DiagnosticReport", "DocumentReference", "Binary", "Immunization", "MedicationRequest", "AllergyIntolerance",
];

/** What a backend client is registered for (Epic answers with these whatever scope was sent). */
export const backendRegisteredScopes = [
  ...readTypes.map((t) => `system/${t}.read`),
  "system/DocumentReference.write",
];

/**
 * Built-in clients. `jwksUri` of the private_key_jwt and backend clients points at the test's own
 * JWKS server; pass `clients` with the same clientId to set it.
 */
export function builtInClients(): SandboxClient[] {
  return [
    {
      clientId: confidentialClientId,
      clientSecret: confidentialClientSecret,
      tokenEndpointAuthMethod: "client_secret_basic",
      redirectUris: [...appRedirectUris],
      grantTypes: ["authorization_code", "refresh_token"],
      persistentAccess: true,
    },
    {
      clientId: publicClientId,
      tokenEndpointAuthMethod: "none",
      redirectUris: [...appRedirectUris],
      grantTypes: ["authorization_code"],
    },
    {
      clientId: privateKeyJwtClientId,
      tokenEndpointAuthMethod: "private_key_jwt",
      redirectUris: [...appRedirectUris],
      grantTypes: ["authorization_code", "refresh_token"],
      persistentAccess: true,
      jwksUri: "http://127.0.0.1:3000/.well-known/jwks.json",
    },
    {
      clientId: backendClientId,
      tokenEndpointAuthMethod: "private_key_jwt",
      redirectUris: [],
      grantTypes: ["client_credentials"],
      jwksUri: "http://127.0.0.1:3000/.well-known/jwks.json",
      registeredScopes: backendRegisteredScopes,
    },
  ];
}

/** Built-ins overridden or extended by `extra` (matched on clientId). */
export function mergeClients(extra: SandboxClient[] = []): SandboxClient[] {
  const byId = new Map(builtInClients().map((c) => [c.clientId, c]));
  for (const c of extra) byId.set(c.clientId, c);
  return [...byId.values()];
}

export function isConfidential(client: SandboxClient): boolean {
  return client.tokenEndpointAuthMethod !== "none";
}
