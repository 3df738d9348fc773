import type { CapabilityStatement } from "@medplum/fhirtypes";
import { fhirResourceTypes } from "../oauth/smart-scopes";

export interface DiscoveryUrls {
  fhirBase: string;
  issuer: string;
  authorizeEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

/** `{FHIR base}/.well-known/smart-configuration`, shaped after Epic's (SMART v2 fields). */
export function smartConfiguration(u: DiscoveryUrls): Record<string, unknown> {
  return {
    issuer: u.issuer,
    jwks_uri: u.jwksUri,
    authorization_endpoint: u.authorizeEndpoint,
    token_endpoint: u.tokenEndpoint,
    introspection_endpoint: `${u.issuer}/token/introspection`,
    revocation_endpoint: `${u.issuer}/token/revocation`,
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "private_key_jwt"],
    token_endpoint_auth_signing_alg_values_supported: ["RS256", "RS384", "RS512", "ES256", "ES384"],
    grant_types_supported: ["authorization_code", "client_credentials", "refresh_token"],
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: ["openid", "fhirUser", "launch", "launch/patient", "launch/encounter", "offline_access", "online_access"],
    capabilities: [
      "launch-ehr", "launch-standalone", "client-public", "client-confidential-symmetric",
      "client-confidential-asymmetric", "sso-openid-connect", "context-ehr-patient", "context-ehr-encounter",
      "context-banner", "permission-offline", "permission-patient", "permission-user", "permission-v1", "permission-v2",
    ],
  };
}

const searchable = fhirResourceTypes.filter((t) => t !== "Binary");

/** `/metadata` with the v1 `oauth-uris` extension, for clients that discover the old way. */
export function capabilityStatement(u: DiscoveryUrls, date: string): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date,
    kind: "instance",
    fhirVersion: "4.0.1",
    format: ["json"],
    software: { name: "Epic sandbox (HealthPrep local stand-in)" },
    implementation: { description: "Local Epic sandbox", url: u.fhirBase },
    rest: [
      {
        mode: "server",
        security: {
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                { url: "authorize", valueUri: u.authorizeEndpoint },
                { url: "token", valueUri: u.tokenEndpoint },
              ],
            },
          ],
          service: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" }] }],
        },
        resource: [
          ...searchable.map((type) => ({
            type,
            interaction: [{ code: "read" as const }, { code: "search-type" as const }, ...(type === "DocumentReference" ? [{ code: "create" as const }] : [])],
            conditionalCreate: false,
          })),
          { type: "Binary", interaction: [{ code: "read" as const }] },
        ],
      },
    ],
  };
}
