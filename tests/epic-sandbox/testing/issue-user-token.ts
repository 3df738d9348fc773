import { confidentialClientId, confidentialClientSecret } from "../sandbox-clients";
import type { EpicSandbox } from "../sandbox-types";
import { signInWithFetch } from "./sign-in-with-fetch";
import { tokenRequest } from "./token-request";

export const broadUserScope = [
  "openid", "fhirUser", "offline_access",
  ...["Patient", "Practitioner", "Encounter", "Appointment", "Condition", "Observation", "Procedure", "DiagnosticReport",
    "DocumentReference", "Binary", "Immunization", "MedicationRequest", "AllergyIntolerance"].map((t) => `user/${t}.read`),
  "user/DocumentReference.write",
].join(" ");

/**
 * Signs in as FHIR through the real pages with the confidential client and returns the token response
 * (access_token, refresh_token, scope, …). For tests that need a token, not the flow.
 */
export async function issueUserToken(
  sandbox: Pick<EpicSandbox, "authorizeEndpoint" | "tokenEndpoint" | "fhirBase">,
  scope = broadUserScope,
  extra: { launch?: string; username?: string } = {},
): Promise<Record<string, unknown> & { access_token: string }> {
  const redirectUri = "http://localhost:3000/api/auth/callback/epic";
  const result = await signInWithFetch({
    authorizeEndpoint: sandbox.authorizeEndpoint, aud: sandbox.fhirBase, clientId: confidentialClientId, redirectUri, scope, ...extra,
  });
  const res = await tokenRequest(sandbox.tokenEndpoint, {
    grant_type: "authorization_code", code: result.code ?? "", redirect_uri: redirectUri, code_verifier: result.verifier,
  }, { kind: "basic", clientId: confidentialClientId, secret: confidentialClientSecret });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as Record<string, unknown> & { access_token: string };
}
