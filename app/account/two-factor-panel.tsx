"use client";
import { useActionState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  beginTwoFactorAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  type TwoFactorFormState,
} from "./actions";

type Props = { status: "off" | "pending" | "on"; required: boolean; recoveryCodesLeft: number };

/** Enrol, confirm, regenerate recovery codes, turn off. Secrets and codes live only in this form's state. */
export function TwoFactorPanel({ status, required, recoveryCodesLeft }: Props) {
  const [begun, begin, beginning] = useActionState<TwoFactorFormState, FormData>(beginTwoFactorAction, {});
  const [confirmed, confirm, confirming] = useActionState<TwoFactorFormState, FormData>(confirmTwoFactorAction, {});
  const [regenerated, regenerate, regenerating] = useActionState<TwoFactorFormState, FormData>(regenerateRecoveryCodesAction, {});
  const [disabled, disable, disabling] = useActionState<TwoFactorFormState, FormData>(disableTwoFactorAction, {});
  // A setup cancelled after it began is no longer shown.
  const cancelled = disabled.done === "disabled" && (disabled.at ?? 0) > (begun.at ?? 0);
  const enrolment = cancelled ? undefined : begun.enrolment;

  return (
    <div className="grid gap-4 text-sm">
      <ErrorMessage message={begun.error ?? disabled.error} />
      {status === "on" && confirmed.done === "enabled" ? <p role="status" className="font-medium text-emerald-800">Two-factor sign-in is on.</p> : null}
      {status === "on" && regenerated.recoveryCodes?.length ? <RecoveryCodes codes={regenerated.recoveryCodes} /> : null}

      {status !== "on" && enrolment && confirmed.done !== "enabled" ? (
        <div className="grid gap-3 rounded-md border bg-muted/40 p-3">
          <p>Add this key to your authenticator app (open the link on your phone, or type the key), then enter the code it shows.</p>
          <a className="break-all font-mono text-xs text-primary underline-offset-4 hover:underline" href={enrolment.otpauthUri} data-testid="otpauth-uri">
            {enrolment.otpauthUri}
          </a>
          <p>
            Key: <code className="font-mono" data-testid="totp-secret">{enrolment.secret.match(/.{1,4}/g)?.join(" ")}</code>
          </p>
          <RecoveryCodes codes={enrolment.recoveryCodes} />
          <form action={confirm} className="grid max-w-xs gap-2">
            <ErrorMessage message={confirmed.error} />
            <Label htmlFor="enrol-code">Code from your app</Label>
            <Input id="enrol-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required />
            <Button type="submit" disabled={confirming}>{confirming ? "Checking…" : "Turn on two-factor"}</Button>
          </form>
        </div>
      ) : null}

      {status === "off" && !enrolment ? (
        <div className="grid gap-2">
          <p className="text-muted-foreground">Ask for a code from an authenticator app each time you sign in with your password.</p>
          <form action={begin}>
            <Button type="submit" disabled={beginning}>{beginning ? "Starting…" : "Set up two-factor sign-in"}</Button>
          </form>
        </div>
      ) : null}

      {status === "pending" && !enrolment ? (
        <div className="flex flex-wrap gap-2">
          <p className="w-full text-muted-foreground">Setup was started but not finished. Start again to get a new key.</p>
          <form action={begin}>
            <Button type="submit" disabled={beginning}>Start again</Button>
          </form>
          {!required ? (
            <form action={disable}>
              <Button type="submit" variant="outline" disabled={disabling}>Cancel setup</Button>
            </form>
          ) : null}
        </div>
      ) : null}

      {status === "on" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <form action={regenerate} className="grid content-start gap-2">
            <h3 className="font-medium">Recovery codes</h3>
            <p className="text-muted-foreground" data-testid="recovery-codes-left">{recoveryCodesLeft} unused recovery codes left.</p>
            <ErrorMessage message={regenerated.error} />
            <Label htmlFor="regenerate-code">Current code (or a recovery code)</Label>
            <Input id="regenerate-code" name="code" autoComplete="one-time-code" maxLength={20} required />
            <Button type="submit" variant="outline" disabled={regenerating}>Create new recovery codes</Button>
          </form>
          {required ? (
            <p className="text-muted-foreground">Administrators must keep two-factor sign-in on.</p>
          ) : (
            <form action={disable} className="grid content-start gap-2">
              <h3 className="font-medium">Turn off</h3>
              <ErrorMessage message={disabled.error} />
              <Label htmlFor="disable-code">Current code to turn off</Label>
              <Input id="disable-code" name="code" autoComplete="one-time-code" maxLength={20} required />
              <Button type="submit" variant="destructive" disabled={disabling}>Turn off two-factor</Button>
            </form>
          )}
        </div>
      ) : null}
    </div>
  );
}

function ErrorMessage({ message }: { message: string | undefined }) {
  return message ? (
    <Alert variant="destructive">
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  ) : null;
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="grid gap-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p className="font-medium">Recovery codes: save them now. Each works once, and they are not shown again.</p>
      <ul className="grid grid-cols-2 gap-1 font-mono text-xs sm:grid-cols-5" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
