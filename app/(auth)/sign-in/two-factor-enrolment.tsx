/** Shown once, at an admin's first password sign-in: the secret and the recovery codes are not shown again. */
export function TwoFactorEnrolment({ otpauthUri, secret, recoveryCodes }: { otpauthUri: string; secret: string; recoveryCodes: string[] }) {
  return (
    <section aria-labelledby="enrol-heading" className="grid gap-3 rounded-md border bg-muted/40 p-3 text-sm">
      <h2 id="enrol-heading" className="font-semibold">Set up two-factor authentication</h2>
      <p className="text-muted-foreground">
        Administrators need an authenticator app. Open this link on your phone, or add the key by hand.
      </p>
      <a className="break-all font-mono text-xs text-primary underline-offset-4 hover:underline" href={otpauthUri} data-testid="otpauth-uri">
        {otpauthUri}
      </a>
      <p>
        Key: <code className="font-mono" data-testid="totp-secret">{secret.match(/.{1,4}/g)?.join(" ")}</code>
      </p>
      <div>
        <p className="font-medium">Recovery codes — save them now; each works once and they are not shown again:</p>
        <ul className="mt-1 grid grid-cols-2 gap-1 font-mono text-xs" data-testid="recovery-codes">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
