import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { createFhirClient } from "@/lib/fhir/create-fhir-client";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import { createId, type Id } from "@/lib/ids";
import { confidentialClientId, confidentialClientSecret } from "../epic-sandbox/sandbox-clients";
import { startEpicSandbox, type EpicSandbox, type SandboxOptions } from "../epic-sandbox/start-epic-sandbox";
import { signInWithFetch } from "../epic-sandbox/testing/sign-in-with-fetch";
import { tokenRequest } from "../epic-sandbox/testing/token-request";

/** Test-only helpers for the sync and documents integration tests (real HTTP, real sandbox). */
export const readTypes = [
  "Patient", "Appointment", "Condition", "Observation", "Procedure", "DiagnosticReport", "Immunization", "Encounter",
  "DocumentReference", "Binary",
] as const;

const redirectUri = "http://localhost:3000/api/auth/callback/epic";
const basic = { kind: "basic", clientId: confidentialClientId, secret: confidentialClientSecret } as const;

export type SandboxSession = { accessToken: string; refresh: () => Promise<string> };

/** Signs in as a sandbox clinician over HTTP and returns a token that refreshes when asked. */
export async function signInToSandbox(sandbox: EpicSandbox, scopes: readonly string[] = readTypes.map((t) => `user/${t}.read`)): Promise<SandboxSession> {
  const result = await signInWithFetch({
    authorizeEndpoint: sandbox.authorizeEndpoint,
    aud: sandbox.fhirBase,
    clientId: confidentialClientId,
    redirectUri,
    scope: ["openid", "fhirUser", "offline_access", ...scopes].join(" "),
  });
  const token = await tokenRequest(
    sandbox.tokenEndpoint,
    { grant_type: "authorization_code", code: result.code ?? "", redirect_uri: redirectUri, code_verifier: result.verifier },
    basic,
  );
  if (token.status !== 200) throw new Error(`sandbox token request failed: ${token.status}`);
  let refreshToken = String(token.json.refresh_token);
  const session: SandboxSession = {
    accessToken: String(token.json.access_token),
    refresh: async () => {
      const refreshed = await tokenRequest(sandbox.tokenEndpoint, { grant_type: "refresh_token", refresh_token: refreshToken }, basic);
      if (refreshed.status !== 200) throw new Error(`sandbox refresh failed: ${refreshed.status}`);
      refreshToken = String(refreshed.json.refresh_token ?? refreshToken);
      session.accessToken = String(refreshed.json.access_token);
      return session.accessToken;
    },
  };
  return session;
}

/** A FHIR client against the sandbox with instant backoff, so fault tests stay fast. */
export function sandboxClient(sandbox: EpicSandbox, session: SandboxSession): FhirClient {
  return createFhirClient({
    baseUrl: sandbox.fhirBase,
    getAccessToken: async (opts) => (opts?.forceRefresh ? session.refresh() : session.accessToken),
    sleep: async () => undefined,
    maxRetries: 10,
  });
}

export async function startSandboxWithClient(options: SandboxOptions = {}) {
  const sandbox = await startEpicSandbox(options);
  const session = await signInToSandbox(sandbox);
  return { sandbox, session, client: sandboxClient(sandbox, session) };
}

export async function createClinic(db: Db, slug: string, timeZone = "America/New_York"): Promise<Id<"organization">> {
  const id = createId("organization");
  await db.insert(organizations).values({ id, name: `Clinic ${slug}`, slug, timeZone });
  return id;
}

/** An OCR engine that answers instantly and counts its calls (real OCR is covered in lib/documents). */
export function createCountingOcr(text = "SCANNED REPORT Colonoscopy to the cecum. Date of procedure: 2024-03-02"): OcrProvider & { calls: number } {
  const provider = {
    name: "tesseract-js" as const,
    calls: 0,
    async recognize() {
      provider.calls += 1;
      return { text, confidence: 0.91 };
    },
    async close() {},
  };
  return provider;
}
