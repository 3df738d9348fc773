import "server-only";
import { getDb, type Db } from "@/db/client";
import { resolveOrgAccess, type OrgAccess } from "@/lib/auth/resolve-org-access";
import { requireSessionUser, type SessionUser } from "@/lib/auth/session";
import { hasPermission, type OrgPermission, type PlatformPermission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "./assert-same-origin";
import { requestMetaFromHeaders, type RequestMeta } from "./request-meta";
import { toResponse } from "./to-response";

export type OrgRouteContext<P> = OrgAccess & { db: Db; params: P; meta: RequestMeta };
type RouteArgs<P> = { params: Promise<P> };

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Route-handler wrapper for org-scoped APIs (`/api/orgs/[orgSlug]/…`): session → membership →
 * declared permission → handler. State-changing methods must come from our own origin (CSRF).
 */
export function withOrg<P extends { orgSlug: string }>(
  handler: (request: Request, ctx: OrgRouteContext<P>) => Promise<Response>,
  options: { permission: OrgPermission },
) {
  const wrapped = async (request: Request, args: RouteArgs<P>): Promise<Response> => {
    try {
      const meta = requestMetaFromHeaders(request.headers);
      if (!safeMethods.has(request.method)) assertSameOrigin(meta);
      const params = await args.params;
      const user = await requireSessionUser();
      const db = await getDb();
      const access = await resolveOrgAccess(db, user, params.orgSlug, options.permission);
      return await handler(request, { ...access, db, params, meta });
    } catch (error) {
      return toResponse(error);
    }
  };
  return Object.assign(wrapped, { permission: options.permission });
}

export type PlatformRouteContext<P> = { user: SessionUser; db: Db; params: P; meta: RequestMeta };

/** Route-handler wrapper for the multi-clinic console: platform permissions only. */
export function withPlatform<P>(
  handler: (request: Request, ctx: PlatformRouteContext<P>) => Promise<Response>,
  options: { permission: PlatformPermission },
) {
  const wrapped = async (request: Request, args: RouteArgs<P>): Promise<Response> => {
    try {
      const meta = requestMetaFromHeaders(request.headers);
      if (!safeMethods.has(request.method)) assertSameOrigin(meta);
      const user = await requireSessionUser();
      if (!hasPermission({ role: null, isPlatformAdmin: user.isPlatformAdmin }, options.permission)) {
        throw new AppError("forbidden", `missing permission ${options.permission}`);
      }
      return await handler(request, { user, db: await getDb(), params: await args.params, meta });
    } catch (error) {
      return toResponse(error);
    }
  };
  return Object.assign(wrapped, { permission: options.permission });
}
