import type { Metadata } from "next";
import { SettingsSectionPage } from "../_components/settings-section-page";
import { SyncSettingsForm } from "./sync-settings-form";

export const metadata: Metadata = { title: "Epic sync" };

export default async function SyncSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return (
    <SettingsSectionPage orgSlug={orgSlug} title="Epic sync" description="How the clinic day pulls patients from Epic.">
      {({ orgSlug: slug, settings, readOnly }) => <SyncSettingsForm orgSlug={slug} settings={settings.sync} readOnly={readOnly} />}
    </SettingsSectionPage>
  );
}
