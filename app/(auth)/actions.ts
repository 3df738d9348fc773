"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { endCurrentSession } from "@/lib/auth/end-current-session";
import { beginPasswordSignIn, type PasswordStepResult } from "@/lib/auth/sign-in-with-password";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { isAppError } from "@/lib/errors";
import { publicAction, sessionAction } from "@/lib/http/session-action";

export type SignInState = {
  error?: string;
  step?: Exclude<PasswordStepResult["next"], "done">;
  challenge?: string;
  enrolment?: { otpauthUri: string; secret: string; recoveryCodes: string[] };
};

const callbackSchema = z
  .string()
  .regex(/^\/(?!\/)[^\s]*$/)
  .catch("/");

const rateLimitedMessage = "Too many sign-in attempts. This account is locked for 15 minutes.";

// Password sign-in in two steps: the password (rate-limited in the use-case), then, for anyone with
// two-factor, a TOTP or recovery code (or enrolment, for admins who have none yet).
export const signInWithPasswordAction = publicAction(
  { permission: "public", reason: "the password sign-in form is used signed out" },
  async (meta, prev: SignInState, form: FormData): Promise<SignInState> => {
    const redirectTo = callbackSchema.parse(form.get("callbackUrl") ?? "/");
    const challenge = form.get("challenge");
    try {
      if (typeof challenge === "string" && challenge) {
        await signIn("credentials", { challenge, code: form.get("code"), redirectTo });
        return {};
      }
      const step = await beginPasswordSignIn({ email: form.get("email"), password: form.get("password"), meta });
      if (step.next !== "done") return { step: step.next, challenge: step.challenge, ...("enrolment" in step ? { enrolment: step.enrolment } : {}) };
      await signIn("credentials", { challenge: step.challenge, redirectTo });
      return {};
    } catch (error) {
      if (isAppError(error) && error.code === "rate_limited") return { error: rateLimitedMessage };
      if (isAppError(error) && ["unauthenticated", "invalid_input"].includes(error.code)) return { error: "Wrong email or password." };
      if (error instanceof AuthError) {
        const code = "code" in error ? String(error.code) : "";
        if (code === "rate_limited") return { ...prev, error: rateLimitedMessage };
        if (code === "invalid_code") return { ...prev, error: "That code is not valid. Wait for a new code and try again." };
        return { error: "Sign-in did not complete. Start again." };
      }
      throw error; // redirects after a successful sign-in are thrown too
    }
  },
);

// Ends the caller's own server-side session (if any), then the cookie; harmless when signed out.
export const signOutAction = publicAction(
  { permission: "public", reason: "ends only the caller's own session, if there is one" },
  async (meta): Promise<void> => {
    await endCurrentSession(meta);
    await signOut({ redirectTo: "/sign-in" });
  },
);

// Ends every session of the signed-in user on every device, then this cookie.
export const signOutEverywhereAction = sessionAction({ permission: "session.self" }, async ({ user, db, meta }): Promise<void> => {
  await signOutEverywhere(db, { userId: user.userId, sessionId: user.sessionId, meta });
  await signOut({ redirectTo: "/sign-in" });
});
