import type { Session } from "next-auth";
import { getToken } from "next-auth/jwt";
import { authConfig } from "./config";

const secureCookieName = "__Secure-authjs.session-token";

/**
 * The session in a request's Cookie header: the same checks as Auth.js's own `auth()` (the session
 * cookie only, decrypted with our secret, not expired, mapped by our session callback) without its
 * internal session request, which re-encrypts a rolled cookie that a server component cannot set
 * anyway. Nothing rolls the cookie: it lives as long as the longest session may (see middleware.ts).
 */
export async function readSessionCookie(cookie: string | null): Promise<Session | null> {
  if (!cookie) return null;
  // Auth.js names the cookie after the request's protocol; the browser sends the one it was given.
  const secureCookie = cookie.includes(`${secureCookieName}=`) || cookie.includes(`${secureCookieName}.0=`);
  const token = await getToken({ req: { headers: { cookie } }, secret: authConfig.secret, secureCookie });
  if (!token) return null;
  const expires = new Date(((typeof token.exp === "number" ? token.exp : 0) * 1000)).toISOString();
  return authConfig.callbacks.session({ session: { user: {}, expires }, token } as never) as Session;
}
