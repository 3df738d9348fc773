"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { endCurrentSession } from "@/lib/auth/end-current-session";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";

export type SignInState = { error?: string };

const callbackSchema = z
  .string()
  .regex(/^\/(?!\/)[^\s]*$/)
  .catch("/");

// Public by design (permission: none): the password sign-in form. Rate limits live in the use-case.
export async function signInWithPasswordAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: callbackSchema.parse(form.get("callbackUrl") ?? "/"),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error ? String(error.code) : "";
      return {
        error:
          code === "rate_limited"
            ? "Too many sign-in attempts. This account is locked for 15 minutes."
            : "Wrong email or password.",
      };
    }
    throw error; // redirects after a successful sign-in are thrown too
  }
}

// Signed-in users only (permission: own session): ends the server-side session, then the cookie.
export async function signOutAction(): Promise<void> {
  await endCurrentSession(requestMetaFromHeaders(await headers()));
  await signOut({ redirectTo: "/sign-in" });
}
