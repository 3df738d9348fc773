import "server-only";
import { getDb, type Db } from "@/db/client";
import { requestMetaFromHeaders, type RequestMeta } from "./request-meta";
import { toResponse } from "./to-response";

/**
 * Route-handler wrapper for the few endpoints that are public by design (EHR launch, JWKS, health):
 * the permission is declared as "public" so the route inventory stays complete.
 */
export function withPublic(
  handler: (request: Request, ctx: { db: Db; meta: RequestMeta }) => Promise<Response>,
  options: { permission: "public"; reason: string },
) {
  const wrapped = async (request: Request): Promise<Response> => {
    try {
      return await handler(request, { db: await getDb(), meta: requestMetaFromHeaders(request.headers) });
    } catch (error) {
      // Next.js signals redirects by throwing; let them through.
      if (error && typeof error === "object" && "digest" in error) throw error;
      return toResponse(error);
    }
  };
  return Object.assign(wrapped, { permission: options.permission });
}
