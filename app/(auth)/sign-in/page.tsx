import type { Metadata } from "next";
import { Stethoscope } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = typeof params.callbackUrl === "string" ? params.callbackUrl : "/";
  const callbackUrl = raw.startsWith("/") && !raw.startsWith("//") ? raw : "/";
  const noMembership = params.error === "NoMembership";
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
                : "Clinic staff and administrators sign in with their HealthPrep account."}
            </CardDescription>
          </CardHeader>
          <CardContent>
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
