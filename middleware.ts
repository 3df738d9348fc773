import { NextResponse, type NextRequest } from "next/server";
import { readSessionCookie } from "@/lib/auth/read-session-cookie";
import { buildSecurityHeaders } from "@/lib/http/security-headers";
import { env } from "@/lib/env";

/**
 * Edge gate (coarse): anonymous users go to sign-in; every response gets the security headers with a
 * fresh CSP nonce. Organization, role and session validity are checked again on the server — this
 * file is never the only gate (CVE-2025-29927). The session cookie is only read here, not re-issued:
 * it lives as long as the longest session may (12 h, lib/auth/session-policy.ts), so rolling it on
 * every request bought nothing and cost an encryption per page.
 */
const publicPaths = [/^\/sign-in(\/|$)/, /^\/launch(\/|$)/, /^\/api\/auth\//, /^\/api\/health$/, /^\/api\/jwks$/, /^\/api\/inngest$/, /^\/\.well-known\//];

export default async function middleware(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const isPublic = publicPaths.some((p) => p.test(pathname));
  const session = isPublic ? null : await readSessionCookie(request.headers.get("cookie"));
  const nonce = btoa(crypto.randomUUID());
  const headers = buildSecurityHeaders({
    nonce,
    frameAncestors: env.FRAME_ANCESTORS,
    production: env.NODE_ENV === "production",
  });

  let response: NextResponse;
  if (!isPublic && !session) {
    if (pathname.startsWith("/api/")) {
      response = NextResponse.json({ error: { code: "unauthenticated", message: "Sign in to continue." } }, { status: 401 });
    } else {
      const signIn = new URL("/sign-in", request.nextUrl.origin);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      response = NextResponse.redirect(signIn);
    }
  } else {
    // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", headers["content-security-policy"]);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
