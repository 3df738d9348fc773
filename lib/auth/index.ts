import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { authConfig } from "./config";
import { signInWithPassword } from "./sign-in-with-password";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { isAppError } from "@/lib/errors";

class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
}

const nextAuth = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          return await signInWithPassword({ ...credentials, meta: requestMetaFromHeaders(request.headers) });
        } catch (error) {
          if (isAppError(error) && error.code === "rate_limited") throw new RateLimitedSignIn();
          if (isAppError(error) && (error.code === "invalid_input" || error.code === "unauthenticated")) return null;
          throw error;
        }
      },
    }),
  ],
});

export const { handlers, signIn, signOut } = nextAuth;
/** One session lookup per request (React cache), as in create-t3-app. */
export const auth = cache(nextAuth.auth);
