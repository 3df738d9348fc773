import type { Metadata } from "next";
import { SettingsSectionPage } from "../_components/settings-section-page";
import { ScreeningTimingForm } from "./screening-timing-form";

export const metadata: Metadata = { title: "Screening timing" };

export default async function ScreeningTimingPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return (
    <SettingsSectionPage
      orgSlug={orgSlug}
      title="Screening timing"
      description="The clinic's defaults for when a screening counts as due soon or overdue. A screening type's own timing, where set, comes first."
    >
      {({ orgSlug: slug, settings, readOnly }) => <ScreeningTimingForm orgSlug={slug} settings={settings.screening} readOnly={readOnly} />}
    </SettingsSectionPage>
  );
}
