import type { Metadata } from "next";
import { Stethoscope } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { listEpicSignInClinics } from "@/lib/smart/list-epic-sign-in-clinics";
import { EpicSignInForm } from "./epic-sign-in-form";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = typeof params.callbackUrl === "string" ? params.callbackUrl : "/";
  const callbackUrl = raw.startsWith("/") && !raw.startsWith("//") ? raw : "/";
  const noMembership = params.error === "NoMembership";
  const epicFailed = typeof params.error === "string" && !["NoMembership", "CredentialsSignin"].includes(params.error);
  const clinics = await listEpicSignInClinics();
  return (
    <main className="grid min-h-screen place-items-center bg-gradient-to-b from-slate-50 to-teal-50/60 p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-primary">
          <Stethoscope className="size-7" aria-hidden />
          <span className="text-2xl font-semibold tracking-tight">HealthPrep</span>
        </div>
        <Card>
          <CardHeader>
            <h1 className="text-lg font-semibold leading-none tracking-tight">Sign in</h1>
            <CardDescription>
              {noMembership
                ? "Your account is not a member of any clinic yet. Ask your clinic administrator for an invitation."
                : "Clinicians sign in with their clinic's Epic; administrators may use a HealthPrep account."}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            {epicFailed ? (
              <p role="alert" className="rounded-md border border-destructive/40 bg-red-50 px-3 py-2 text-sm text-red-900">
                Epic sign-in did not complete. Try again, or ask your clinic administrator to check the Epic connection.
              </p>
            ) : null}
            <EpicSignInForm clinics={clinics} />
            {clinics.length > 0 ? (
              <div className="flex items-center gap-3 text-xs text-muted-foreground">
                <span className="h-px flex-1 bg-border" /> or with a HealthPrep account <span className="h-px flex-1 bg-border" />
              </div>
            ) : null}
            <SignInForm callbackUrl={callbackUrl} />
          </CardContent>
        </Card>
        <p className="mt-6 text-center text-xs text-muted-foreground">
          Protected health information. Access is logged and audited.
        </p>
      </div>
    </main>
  );
}
