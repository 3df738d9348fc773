import type { Metadata } from "next";
import { SettingsSectionPage } from "../_components/settings-section-page";
import { SessionSettingsForm } from "./session-settings-form";

export const metadata: Metadata = { title: "Session timeouts" };

export default async function SessionSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return (
    <SettingsSectionPage orgSlug={orgSlug} title="Sessions" description="How long people of this clinic stay signed in.">
      {({ orgSlug: slug, settings, readOnly }) => <SessionSettingsForm orgSlug={slug} settings={settings.sessions} readOnly={readOnly} />}
    </SettingsSectionPage>
  );
}
