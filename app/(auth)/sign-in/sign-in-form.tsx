"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { signInWithPasswordAction, type SignInState } from "../actions";
import { TwoFactorEnrolment } from "./two-factor-enrolment";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPasswordAction, {});
  const secondStep = Boolean(state.step && state.challenge);
  return (
    <form action={action} className="grid gap-4" aria-describedby={state.error ? "sign-in-error" : undefined}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error ? (
        <Alert variant="destructive" id="sign-in-error">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      {secondStep ? (
        <>
          <input type="hidden" name="challenge" value={state.challenge} />
          {state.step === "enrol" && state.enrolment ? <TwoFactorEnrolment {...state.enrolment} /> : null}
          <div className="grid gap-2">
            <Label htmlFor="code">Authentication code</Label>
            <Input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={20} required autoFocus />
            <p className="text-xs text-muted-foreground">
              {state.step === "enrol"
                ? "Enter the 6-digit code your authenticator app shows to finish setting it up."
                : "The 6-digit code from your authenticator app, or one of your recovery codes."}
            </p>
          </div>
          <Button type="submit" disabled={pending} className="w-full">
            {pending ? "Checking…" : "Verify"}
          </Button>
        </>
      ) : (
        <>
          <div className="grid gap-2">
            <Label htmlFor="email">Email</Label>
            <Input id="email" name="email" type="email" autoComplete="username" required />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="password">Password</Label>
            <Input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
          <Button type="submit" disabled={pending} className="w-full">
            {pending ? "Signing in…" : "Sign in"}
          </Button>
        </>
      )}
    </form>
  );
}
