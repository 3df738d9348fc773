import type { Metadata } from "next";
import { SettingsSectionPage } from "../_components/settings-section-page";
import { WriteBackSettingsForm } from "./write-back-settings-form";

export const metadata: Metadata = { title: "Write-back to Epic" };

export default async function WriteBackSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return (
    <SettingsSectionPage orgSlug={orgSlug} title="Write-back to Epic" description="How prep sheets are filed in Epic as clinical notes.">
      {({ orgSlug: slug, settings, readOnly }) => <WriteBackSettingsForm orgSlug={slug} settings={settings.writeBack} readOnly={readOnly} />}
    </SettingsSectionPage>
  );
}
