import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { listClinicsByFhirBase } from "@/db/queries/ehr-connections";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-meta";
import { scopesFor } from "./epic-scopes";

export const launchParamsSchema = z.object({
  iss: z.url("iss must be the FHIR base URL Epic sent").transform((u) => u.replace(/\/+$/, "")),
  launch: z.string().min(1, "launch is required").max(4096),
  clinic: z.string().optional(),
});

/**
 * EHR launch: `iss` must be a FHIR base some clinic configured (Epic requires an allowlist against
 * phishing). An unknown iss is refused and audited; one shared by several clinics needs `clinic`.
 */
export async function resolveLaunch(db: Db, params: z.infer<typeof launchParamsSchema>, meta: RequestMeta) {
  const clinics = await listClinicsByFhirBase(db, params.iss);
  if (clinics.length === 0) {
    await recordAuditEvent(db, { actorUserId: null, organizationId: null, ...meta }, { action: "ehr.launch_refused", metadata: { reason: "unknown_iss" } });
    throw new AppError("forbidden", "EHR launch from an unknown iss", {
      publicMessage: "This Epic system is not connected to any clinic on HealthPrep. Ask your clinic administrator to configure it.",
    });
  }
  const chosen = clinics.length === 1 ? clinics[0] : clinics.find((c) => c.slug === params.clinic);
  if (!chosen) return { kind: "choose" as const, clinics: clinics.map(({ slug, name }) => ({ slug, name })) };
  return {
    kind: "sign-in" as const,
    slug: chosen.slug,
    authorizationParams: { launch: params.launch, aud: params.iss, scope: scopesFor(chosen.scopes, "ehr") },
  };
}
