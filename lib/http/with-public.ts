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

const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof methods)[number];
type Handlers = Partial<Record<Method, (...args: never[]) => unknown>>;

/**
 * Declares third-party route handlers public (Auth.js, Inngest's serve endpoint) without changing
 * them: they authenticate their own requests (Auth.js CSRF and state, Inngest request signatures).
 */
export function declarePublicHandlers<H extends Handlers>(
  handlers: H,
  _options: { permission: "public"; reason: string },
): { [K in keyof H & Method]: H[K] & { permission: "public" } } {
  const out: Record<string, unknown> = {};
  // Inngest's serve() returns a function whose GET/POST/PUT are not enumerable: name the methods.
  for (const method of methods) {
    const handler = handlers[method];
    if (typeof handler !== "function") continue;
    out[method] = Object.assign((...args: never[]) => handler(...args), { permission: "public" as const });
  }
  return out as { [K in keyof H & Method]: H[K] & { permission: "public" } };
}
