import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { buildEpicProvider } from "@/lib/smart/build-epic-provider";
import { authConfig } from "./config";
import { epicClinicCookie } from "./epic-clinic-cookie";
import { readSessionCookie } from "./read-session-cookie";
import { completePasswordSignIn } from "./sign-in-with-password";

class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
}
class InvalidSecondFactor extends CredentialsSignin {
  override code = "invalid_code";
}

// Step two of password sign-in (step one, the password, is beginPasswordSignIn in the sign-in action):
// the challenge it issued plus, where required, a TOTP or recovery code.
const credentials = Credentials({
  id: "credentials",
  name: "Email and password",
  credentials: { challenge: { type: "hidden" }, code: { label: "Authentication code" } },
  async authorize(input, request) {
    try {
      return await completePasswordSignIn({ ...input, meta: requestMetaFromHeaders(request.headers) });
    } catch (error) {
      if (isAppError(error) && error.code === "rate_limited") throw new RateLimitedSignIn();
      if (isAppError(error) && error.code === "unauthenticated") throw new InvalidSecondFactor();
      if (isAppError(error) && error.code === "invalid_input") return null;
      throw error;
    }
  },
});

// Lazy config: the "epic" provider belongs to the clinic the user chose (or the EHR launch resolved),
// carried in a short-lived cookie from the sign-in action to the OAuth callback.
const nextAuth = NextAuth(async (): Promise<NextAuthConfig> => {
  const clinic = (await cookies()).get(epicClinicCookie.name)?.value;
  const meta = async () => requestMetaFromHeaders(await headers());
  const epic = clinic
    ? await buildEpicProvider(await getDb(), clinic, meta).catch((error: unknown) => {
        logger.warn("auth.epic_provider_unavailable", { clinic, err: error });
        return null;
      })
    : null;
  return { ...authConfig, providers: epic ? [credentials, epic] : [credentials] };
});

export const { handlers, signIn, signOut } = nextAuth;

/** One session read per request (React cache), as in create-t3-app. */
export const auth = cache(async (): Promise<Session | null> => readSessionCookie((await headers()).get("cookie")));
