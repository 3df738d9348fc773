import "server-only";
import { headers } from "next/headers";
import { getDb, type Db } from "@/db/client";
import { requireSessionUser, type SessionUser } from "@/lib/auth/session";
import { assertSameOrigin } from "./assert-same-origin";
import { requestMetaFromHeaders, type RequestMeta } from "./request-meta";

/**
 * Server-action wrapper for actions reachable signed out (sign-in forms). Origin is still checked;
 * errors and Next.js redirects propagate so Auth.js can redirect after a sign-in.
 */
export function publicAction<A extends unknown[], R>(
  options: { permission: "public"; reason: string },
  fn: (meta: RequestMeta, ...args: A) => Promise<R>,
) {
  const action = async (...args: A): Promise<R> => {
    const meta = requestMetaFromHeaders(await headers());
    assertSameOrigin(meta);
    return fn(meta, ...args);
  };
  return Object.assign(action, { permission: options.permission });
}

/** Server-action wrapper for a signed-in user acting on their own session or account. */
export function sessionAction<A extends unknown[], R>(
  options: { permission: "session.self" },
  fn: (ctx: { user: SessionUser; db: Db; meta: RequestMeta }, ...args: A) => Promise<R>,
) {
  const action = async (...args: A): Promise<R> => {
    const meta = requestMetaFromHeaders(await headers());
    assertSameOrigin(meta);
    const user = await requireSessionUser();
    return fn({ user, db: await getDb(), meta }, ...args);
  };
  return Object.assign(action, { permission: options.permission });
}
