import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/components/ui/badge";
import { hasPermission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { getScreeningTypeForEditor } from "@/lib/screening-data/get-screening-type-for-editor";
import { ScreeningTypeActiveButton } from "../screening-type-active-button";
import { ScreeningTypeForm } from "../screening-type-form";

export const metadata: Metadata = { title: "Screening type" };

function keptRules(kept: Record<string, number>): string[] {
  const labels: Record<string, string> = {
    conditionTerms: "condition terms",
    observationRules: "observation rules (e.g. smoking status, BMI)",
    exclusionCodes: "exclusion codes",
    exclusionPhrases: "exclusion phrases",
    keywordBlockers: "keyword blockers",
  };
  return Object.entries(kept).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${labels[k] ?? k}`);
}

export default async function ScreeningTypePage(props: { params: Promise<{ orgSlug: string; screeningTypeId: string }>; searchParams: Promise<{ created?: string }> }) {
  const { orgSlug, screeningTypeId } = await props.params;
  const { organization, role, actor, db } = await requireOrgPage(orgSlug, "screening_types.read");
  const type = await getScreeningTypeForEditor(db, { organizationId: organization.id, screeningTypeId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const canManage = hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, "screening_types.manage");
  const created = (await props.searchParams).created === "1";
  const kept = keptRules(type.kept);
  const origin = type.preset ? `from preset ${type.preset.key}${type.preset.version === null ? "" : ` v${type.preset.version}`}` : "clinic-defined";
  return (
    <>
      <PageHeader
        title={type.name}
        description={`${type.key} · version ${type.version} · ${origin}`}
        actions={
          <>
            <Badge variant={type.active ? "success" : "secondary"}>{type.active ? "Active" : "Inactive"}</Badge>
            {canManage ? <ScreeningTypeActiveButton orgSlug={organization.slug} screeningTypeId={type.id} name={type.name} active={type.active} /> : null}
            <Link className="text-sm text-primary underline-offset-4 hover:underline" href={`/o/${organization.slug}/screenings`}>
              Back to screenings
            </Link>
          </>
        }
      />
      {created ? <p className="mb-4 text-sm text-emerald-800">Screening type created.</p> : null}
      {canManage ? null : (
        <p className="mb-4 text-sm text-muted-foreground" data-testid="read-only-note">
          Read only: clinic administrators change screening types.
        </p>
      )}
      {kept.length ? (
        <p className="mb-4 text-sm text-muted-foreground">Also part of this type and kept as they are when you save: {kept.join(", ")}.</p>
      ) : null}
      <ScreeningTypeForm orgSlug={organization.slug} values={type.values} readOnly={!canManage} existing={{ id: type.id, version: type.version }} />
    </>
  );
}
