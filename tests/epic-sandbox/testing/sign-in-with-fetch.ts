import { createHash, randomBytes } from "node:crypto";
import { CookieJar } from "./cookie-jar";

export interface SignInOptions {
  authorizeEndpoint: string;
  /** The FHIR base; pass null to leave `aud` out (Epic rejects that). */
  aud: string | null;
  clientId: string;
  redirectUri: string;
  scope: string;
  username?: string;
  password?: string;
  launch?: string;
  state?: string;
  consent?: "allow" | "deny";
  /** Override PKCE: `null` sends no code_challenge at all. */
  codeChallengeMethod?: "S256" | "plain" | null;
}

export interface SignInResult {
  /** Where the flow ended: the redirect_uri with code+state or error. */
  callback: URL;
  code: string | null;
  state: string | null;
  verifier: string;
  /** HTML of the pages shown, in order (login, consent), for assertions. */
  pages: string[];
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function formAction(html: string, origin: string): string | undefined {
  const m = /<form[^>]*action="([^"]+)"/.exec(html);
  return m?.[1] ? new URL(m[1].replace(/&amp;/g, "&"), origin).href : undefined;
}

/**
 * Walks authorize → login → consent → redirect with fetch and a cookie jar, the way a person clicks
 * through the sandbox pages. Stops at the first redirect to `redirectUri` (or throws after 15 steps).
 */
export async function signInWithFetch(opts: SignInOptions): Promise<SignInResult> {
  const { verifier, challenge } = pkcePair();
  const state = opts.state ?? randomBytes(8).toString("hex");
  const url = new URL(opts.authorizeEndpoint);
  const method = opts.codeChallengeMethod === undefined ? "S256" : opts.codeChallengeMethod;
  const params: Record<string, string> = {
    response_type: "code",
    client_id: opts.clientId,
    redirect_uri: opts.redirectUri,
    scope: opts.scope,
    state,
    ...(opts.aud === null ? {} : { aud: opts.aud }),
    ...(opts.launch ? { launch: opts.launch } : {}),
    ...(method ? { code_challenge: method === "S256" ? challenge : verifier, code_challenge_method: method } : {}),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);

  const jar = new CookieJar();
  const pages: string[] = [];
  let next: { url: string; body?: URLSearchParams } = { url: url.href };
  for (let step = 0; step < 15; step++) {
    if (next.url.startsWith(opts.redirectUri)) {
      const callback = new URL(next.url);
      return { callback, code: callback.searchParams.get("code"), state: callback.searchParams.get("state"), verifier, pages };
    }
    const res = await fetch(next.url, {
      method: next.body ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: jar.header(), ...(next.body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      ...(next.body ? { body: next.body.toString() } : {}),
    });
    jar.store(res);
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      await res.arrayBuffer();
      next = { url: new URL(location, next.url).href };
      continue;
    }
    const html = await res.text();
    pages.push(html);
    const alert = /role="alert">([^<]*)</.exec(html)?.[1];
    if (alert) throw new Error(`sign-in refused: ${alert}`);
    const action = formAction(html, next.url);
    if (!action || res.status !== 200) throw new Error(`sign-in stopped at ${next.url}: ${res.status} ${html.slice(0, 300)}`);
    next = action.endsWith("/login")
      ? { url: action, body: new URLSearchParams({ username: opts.username ?? "FHIR", password: opts.password ?? "EpicFhir11!" }) }
      : { url: action, body: new URLSearchParams({ action: opts.consent ?? "allow" }) };
    if (pages.length > 4) throw new Error(`sign-in loops on ${next.url}: ${html.slice(0, 300)}`);
  }
  throw new Error("sign-in did not reach the redirect_uri");
}
