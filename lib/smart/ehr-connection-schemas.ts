import { z } from "zod";
import { ehrClientAuthMethods, ehrEnvironments } from "@/db/schema/ehr-connections";
import { orgSlugSchema } from "@/lib/organizations/organization-schemas";

const fhirBaseSchema = z
  .url("must be the clinic's FHIR R4 base URL")
  .refine((u) => /^https:\/\//.test(u) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u), "must use https")
  .transform((u) => u.replace(/\/+$/, ""));

export const configureEhrConnectionSchema = z.object({
  orgSlug: orgSlugSchema,
  fhirBaseUrl: fhirBaseSchema,
  clientId: z.string().trim().min(1).max(200),
  clientAuthMethod: z.enum(ehrClientAuthMethods),
  // Empty keeps the stored secret; Epic secrets should use [A-Za-z0-9-_] (encoding differs between docs).
  clientSecret: z.string().max(500).optional().transform((s) => (s ? s : undefined)),
  scopes: z.string().trim().min(1).max(2000),
  environment: z.enum(ehrEnvironments),
  backendClientId: z.string().trim().max(200).optional().transform((s) => (s ? s : null)),
});
export type ConfigureEhrConnectionInput = z.infer<typeof configureEhrConnectionSchema>;

export const orgOnlySchema = z.object({ orgSlug: orgSlugSchema });
