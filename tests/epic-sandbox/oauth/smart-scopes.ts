/**
 * SMART scopes. oidc-provider only grants scopes it knows, so every v1 and v2 resource scope we serve is
 * listed. Epic answers in v1 spelling (before Nov 2024) and does not echo offline_access/online_access.
 */
export const fhirResourceTypes = [
  "Patient", "Practitioner", "PractitionerRole", "Encounter", "Appointment", "Condition", "Observation",
  "Procedure", "DiagnosticReport", "DocumentReference", "Binary", "Immunization", "MedicationRequest",
  "AllergyIntolerance", "Organization", "Location",
] as const;

const contexts = ["patient", "user", "system"] as const;
const contextScopes = ["launch", "launch/patient", "launch/encounter", "fhirUser", "online_access"];

function v2Suffixes(): string[] {
  const letters = ["c", "r", "u", "d", "s"];
  const out: string[] = [];
  for (let mask = 1; mask < 32; mask++) out.push(letters.filter((_, i) => mask & (1 << i)).join(""));
  return out;
}

export function knownScopes(): string[] {
  const actions = ["read", "write", "*", ...v2Suffixes()];
  const out = [...contextScopes];
  for (const ctx of contexts) {
    for (const type of [...fhirResourceTypes, "*"]) for (const a of actions) out.push(`${ctx}/${type}.${a}`);
  }
  return out;
}

const resourceScope = /^(patient|user|system)\/([A-Za-z*]+)\.([a-z*]+)(\?.*)?$/;

/** v2 → v1 spelling ("patient/Observation.rs" → "patient/Observation.read"); drops offline/online_access. */
export function toV1Scopes(scopes: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const scope of scopes) {
    if (scope === "offline_access" || scope === "online_access") continue;
    const m = resourceScope.exec(scope);
    if (!m) {
      out.add(scope);
      continue;
    }
    const [, ctx, type, action = ""] = m;
    if (action === "read" || action === "write" || action === "*") {
      out.add(`${ctx}/${type}.${action}`);
      continue;
    }
    if (/[rs]/.test(action)) out.add(`${ctx}/${type}.read`);
    if (/[cud]/.test(action)) out.add(`${ctx}/${type}.write`);
  }
  return [...out];
}

/** Does a v1 scope list allow `interaction` on `resourceType`? */
export function scopesAllow(scopes: readonly string[], resourceType: string, interaction: "read" | "write"): boolean {
  return scopes.some((scope) => {
    const m = resourceScope.exec(scope);
    if (!m) return false;
    const [, , type, action] = m;
    return (type === resourceType || type === "*") && (action === interaction || action === "*");
  });
}

/** Which launch contexts (patient/, user/, system/) of a v1 scope list allow `interaction` on `resourceType`. */
export function contextsAllowing(scopes: readonly string[], resourceType: string, interaction: "read" | "write"): Set<string> {
  const out = new Set<string>();
  for (const scope of scopes) {
    const m = resourceScope.exec(scope);
    if (!m) continue;
    const [, ctx = "", type, action] = m;
    if ((type === resourceType || type === "*") && (action === interaction || action === "*")) out.add(ctx);
  }
  return out;
}
