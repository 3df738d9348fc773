import "server-only";
import type { Db } from "@/db/client";
import { findEhrConnection } from "@/db/queries/ehr-connections";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { isAppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { discoverSmartConfiguration } from "./discover-smart-configuration";

export type ConnectionTestResult = {
  ok: boolean;
  checks: Array<{ name: string; ok: boolean; detail: string }>;
};

/** "Test connection": SMART discovery and the CapabilityStatement, reported check by check. */
export async function testEhrConnection(db: Db, organizationId: Id<"organization">, audit: AuditContext): Promise<ConnectionTestResult> {
  const connection = await findEhrConnection(db, organizationId);
  const checks: ConnectionTestResult["checks"] = [];
  if (!connection) return { ok: false, checks: [{ name: "configuration", ok: false, detail: "No Epic connection is configured." }] };
  try {
    const smart = await discoverSmartConfiguration(connection.fhirBaseUrl, { clientId: connection.clientId, bypassCache: true });
    const methods = smart.token_endpoint_auth_methods_supported;
    checks.push({ name: "SMART discovery", ok: true, detail: `authorize ${smart.authorization_endpoint}, token ${smart.token_endpoint}` });
    checks.push({
      name: "client authentication",
      ok: connection.clientAuthMethod === "none" || methods.length === 0 || methods.includes(connection.clientAuthMethod),
      detail: `configured ${connection.clientAuthMethod}; server supports ${methods.join(", ") || "(not declared)"}`,
    });
  } catch (error) {
    checks.push({ name: "SMART discovery", ok: false, detail: isAppError(error) ? error.message : "request failed" });
  }
  try {
    const response = await fetch(`${connection.fhirBaseUrl}/metadata`, {
      headers: { accept: "application/fhir+json", "epic-client-id": connection.clientId },
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => null)) as { resourceType?: string; fhirVersion?: string; software?: { name?: string } } | null;
    const ok = response.ok && body?.resourceType === "CapabilityStatement";
    checks.push({ name: "FHIR metadata", ok, detail: ok ? `FHIR ${body?.fhirVersion ?? "?"} ${body?.software?.name ?? ""}`.trim() : `HTTP ${response.status}` });
  } catch {
    checks.push({ name: "FHIR metadata", ok: false, detail: "request failed" });
  }
  const ok = checks.every((c) => c.ok);
  await recordAuditEvent(db, { ...audit, organizationId }, { action: "ehr.connection_tested", targetIds: [connection.id], metadata: { ok } });
  return { ok, checks };
}
