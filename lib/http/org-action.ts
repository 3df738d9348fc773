import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { resolveOrgAccess, type OrgAccess } from "@/lib/auth/resolve-org-access";
import { hasPermission, type OrgPermission, type PlatformPermission } from "@/lib/auth/permissions";
import { requireSessionUser, type SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "./assert-same-origin";
import { requestMetaFromHeaders, type RequestMeta } from "./request-meta";
import { toErrorBody, type ErrorBody } from "./to-response";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };
export type OrgActionContext = OrgAccess & {
  db: Db;
  meta: RequestMeta;
  /** Who acts where, as most use-cases take it: from the resolved access, never from the input. */
  scope: { organizationId: OrgAccess["organization"]["id"]; actorUserId: string };
};
type OrgScopedSchema = z.ZodType<{ orgSlug: string }>;
const orgSlugInputSchema = z.object({ orgSlug: z.string().min(1).max(100) });

// Server actions are called either with a plain object or, from <form action>, with (prevState, FormData).
function readInput(args: unknown[]): unknown {
  const last = args[args.length - 1];
  return last instanceof FormData ? Object.fromEntries(last) : last;
}

async function runAction<T>(body: (meta: RequestMeta) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const meta = requestMetaFromHeaders(await headers());
    assertSameOrigin(meta);
    return { ok: true, data: await body(meta) };
  } catch (error) {
    return { ok: false, error: toErrorBody(error).body.error };
  }
}

/** Server-action wrapper for clinic actions: Origin → zod → session → membership → permission → use-case. */
export function orgAction<S extends OrgScopedSchema, R>(
  options: { permission: OrgPermission; schema: S },
  fn: (input: z.infer<S>, ctx: OrgActionContext) => Promise<R>,
) {
  const action = async (...args: unknown[]): Promise<ActionResult<R>> =>
    runAction(async (meta) => {
      // Membership is checked before the rest of the input is validated, so non-members learn nothing.
      const raw = readInput(args);
      const { orgSlug } = orgSlugInputSchema.parse(raw);
      const user = await requireSessionUser();
      const db = await getDb();
      const access = await resolveOrgAccess(db, user, orgSlug, options.permission);
      const input = options.schema.parse(raw);
      if (input.orgSlug !== orgSlug) throw new AppError("invalid_input", "orgSlug changed by the schema");
      return fn(input, { ...access, db, meta, scope: { organizationId: access.organization.id, actorUserId: access.actor.userId } });
    });
  // The schema rides along so the clinic-isolation test can find every id-bearing field.
  return Object.assign(action, { permission: options.permission, schema: options.schema });
}

export type PlatformActionContext = { user: SessionUser; db: Db; meta: RequestMeta };

/** Server-action wrapper for the multi-clinic console. */
export function platformAction<S extends z.ZodType, R>(
  options: { permission: PlatformPermission; schema: S },
  fn: (input: z.infer<S>, ctx: PlatformActionContext) => Promise<R>,
) {
  const action = async (...args: unknown[]): Promise<ActionResult<R>> =>
    runAction(async (meta) => {
      // Permission before validation, as for clinic actions: a non-admin learns nothing about the input.
      const user = await requireSessionUser();
      if (!hasPermission({ role: null, isPlatformAdmin: user.isPlatformAdmin }, options.permission)) {
        throw new AppError("forbidden", `missing permission ${options.permission}`);
      }
      const input = options.schema.parse(readInput(args));
      return fn(input, { user, db: await getDb(), meta });
    });
  return Object.assign(action, { permission: options.permission });
}
