import type { Metadata } from "next";
import { ClipboardCheck } from "lucide-react";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState } from "@/app/_components/empty-state";
import { requireOrgPage } from "@/lib/http/require-org-page";

export const metadata: Metadata = { title: "Screenings" };

export default async function ScreeningsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  await requireOrgPage(orgSlug, "screening_types.read");
  return (
    <>
      <PageHeader title="Screenings" description="The preventive screenings this clinic tracks." />
      <EmptyState icon={ClipboardCheck} title="No screening types configured">
        Apply a preset (for example USPSTF adult primary care) or add screening types one by one.
      </EmptyState>
    </>
  );
}
