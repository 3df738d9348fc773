import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { UserRound } from "lucide-react";
import { PageHeader } from "@/app/_components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { getLaunchPatient } from "@/lib/patients/get-launch-patient";

export const metadata: Metadata = { title: "Patient" };

// Landing page of an EHR launch: the patient Epic opened HealthPrep on.
export default async function LaunchPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { db, organization, actor } = await requireOrgPage(orgSlug, "patients.read");
  const patient = await getLaunchPatient(db, { organizationId: organization.id, userId: actor.userId }, requestMetaFromHeaders(await headers()));
  if (!patient) redirect(`/o/${orgSlug}/schedule`);
  return (
    <>
      <PageHeader title={patient.displayName} description="Opened from Epic" />
      <Card>
        <CardHeader className="flex-row items-center gap-3">
          <UserRound className="size-8 text-muted-foreground" aria-hidden />
          <div>
            <CardTitle data-testid="launch-patient">{patient.displayName}</CardTitle>
            <CardDescription>
              Born {patient.birthDate ?? "unknown"} · {patient.sexForClinicalUse ?? "sex unknown"} · Epic id{" "}
              <span className="font-mono">{patient.ehrPatientId}</span>
            </CardDescription>
          </div>
        </CardHeader>
        <CardContent className="text-sm text-muted-foreground">
          Screenings and the prep sheet for this patient appear once their chart has been prepared.
        </CardContent>
      </Card>
    </>
  );
}
