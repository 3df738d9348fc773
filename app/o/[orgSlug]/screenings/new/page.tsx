import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { toScreeningTypeFormValues } from "@/lib/screening-data/screening-type-form";
import { ScreeningTypeForm } from "../screening-type-form";

export const metadata: Metadata = { title: "New screening type" };

export default async function NewScreeningTypePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization } = await requireOrgPage(orgSlug, "screening_types.manage");
  return (
    <>
      <PageHeader
        title="New screening type"
        description="A screening this clinic defines itself. It starts active."
        actions={
          <Link className="text-sm text-primary underline-offset-4 hover:underline" href={`/o/${organization.slug}/screenings`}>
            Back to screenings
          </Link>
        }
      />
      <ScreeningTypeForm orgSlug={organization.slug} values={toScreeningTypeFormValues(null)} readOnly={false} existing={null} />
    </>
  );
}
