"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment, disableTwoFactor, regenerateRecoveryCodes } from "@/lib/auth/manage-two-factor";
import { sessionAction } from "@/lib/http/session-action";
import { toErrorBody } from "@/lib/http/to-response";

export type TwoFactorFormState = {
  error?: string;
  /** The AppError code behind `error` (e.g. invalid_input), so callers can tell bad input from faults. */
  errorCode?: string;
  /** Shown once: the new secret, its otpauth URI and the recovery codes. */
  enrolment?: { otpauthUri: string; secret: string; recoveryCodes: string[] };
  recoveryCodes?: string[];
  done?: "enabled" | "disabled" | "regenerated";
  /** When the server answered (ms), so the form can tell which of its actions came last. */
  at?: number;
};

const codeSchema = z.object({ code: z.string().trim().max(40).default("") });
// The form as submitted by the page; anything else (a forged call) fails validation with a message.
const parseCode = (form: unknown) => codeSchema.parse(form instanceof FormData ? Object.fromEntries(form) : form);

// Errors become a message in the form's state; nothing but the public message leaves the server.
async function asFormState(body: () => Promise<TwoFactorFormState>): Promise<TwoFactorFormState> {
  try {
    const state = await body();
    revalidatePath("/account");
    return { ...state, at: Date.now() };
  } catch (error) {
    const { body } = toErrorBody(error);
    return { error: body.error.message, errorCode: body.error.code, at: Date.now() };
  }
}

// Start (or restart) setting up an authenticator app on one's own account.
export const beginTwoFactorAction = sessionAction(
  { permission: "session.self" },
  async ({ user, db, meta }, _prev: TwoFactorFormState, _form: FormData): Promise<TwoFactorFormState> =>
    asFormState(async () => ({ enrolment: await beginTwoFactorEnrolment(db, { userId: user.userId, meta }) })),
);

// The first code from the app turns two-factor on.
export const confirmTwoFactorAction = sessionAction(
  { permission: "session.self" },
  async ({ user, db, meta }, _prev: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> => {
    return asFormState(async () => {
      const { code } = parseCode(form);
      await confirmTwoFactorEnrolment(db, { userId: user.userId, meta, code });
      return { done: "enabled" };
    });
  },
);

// New recovery codes (all old ones stop working); needs a current code.
export const regenerateRecoveryCodesAction = sessionAction(
  { permission: "session.self" },
  async ({ user, db, meta }, _prev: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> => {
    return asFormState(async () => {
      const { code } = parseCode(form);
      return { done: "regenerated", recoveryCodes: await regenerateRecoveryCodes(db, { userId: user.userId, meta, code }) };
    });
  },
);

// Turn two-factor off or cancel an unfinished setup (not for administrators); needs a current code when on.
export const disableTwoFactorAction = sessionAction(
  { permission: "session.self" },
  async ({ user, db, meta }, _prev: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> => {
    return asFormState(async () => {
      const { code } = parseCode(form);
      await disableTwoFactor(db, { userId: user.userId, meta, code });
      return { done: "disabled" };
    });
  },
);
