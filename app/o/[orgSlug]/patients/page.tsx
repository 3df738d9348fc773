import type { Metadata } from "next";
import { Users } from "lucide-react";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState } from "@/app/_components/empty-state";
import { requireOrgPage } from "@/lib/http/require-org-page";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  await requireOrgPage(orgSlug, "patients.read");
  return (
    <>
      <PageHeader title="Patients" description="Patients with upcoming visits at this clinic." />
      <EmptyState icon={Users} title="No patients yet">
        Patients are linked from Epic when their appointments sync. Nothing is imported until then.
      </EmptyState>
    </>
  );
}
