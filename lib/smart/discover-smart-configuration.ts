import { z } from "zod";
import { AppError } from "@/lib/errors";

export const smartConfigurationSchema = z.object({
  issuer: z.string().optional(),
  jwks_uri: z.string().optional(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  token_endpoint_auth_methods_supported: z.array(z.string()).default([]),
  grant_types_supported: z.array(z.string()).default([]),
  scopes_supported: z.array(z.string()).default([]),
  code_challenge_methods_supported: z.array(z.string()).default([]),
  capabilities: z.array(z.string()).default([]),
});
export type SmartConfiguration = z.infer<typeof smartConfigurationSchema>;

const ttlMs = 60 * 60_000;
const cache = new Map<string, { value: SmartConfiguration; expiresAt: number }>();

/**
 * `{FHIR base}/.well-known/smart-configuration`, cached for an hour (Epic asks apps not to
 * rediscover on every login). `Epic-Client-ID` is sent because Epic can override endpoints per client.
 */
export async function discoverSmartConfiguration(
  fhirBaseUrl: string,
  options: { clientId: string; fetch?: typeof fetch; now?: number; bypassCache?: boolean },
): Promise<SmartConfiguration> {
  const key = `${fhirBaseUrl}|${options.clientId}`;
  const now = options.now ?? Date.now();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now && !options.bypassCache) return hit.value;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${fhirBaseUrl.replace(/\/$/, "")}/.well-known/smart-configuration`, {
      headers: { accept: "application/json", "epic-client-id": options.clientId },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (cause) {
    throw new AppError("ehr_unavailable", "SMART discovery request failed", { cause });
  }
  if (!response.ok) throw new AppError("ehr_unavailable", `SMART discovery answered HTTP ${response.status}`);
  const parsed = smartConfigurationSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new AppError("ehr_rejected", "SMART discovery document is not valid");
  if (!parsed.data.code_challenge_methods_supported.includes("S256")) {
    throw new AppError("ehr_rejected", "SMART server does not support PKCE S256");
  }
  cache.set(key, { value: parsed.data, expiresAt: now + ttlMs });
  return parsed.data;
}
