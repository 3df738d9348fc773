import type { Metadata } from "next";
import { SettingsSectionPage } from "../_components/settings-section-page";
import { PrepSheetSettingsForm } from "./prep-sheet-settings-form";

export const metadata: Metadata = { title: "Prep sheet settings" };

export default async function PrepSheetSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return (
    <SettingsSectionPage orgSlug={orgSlug} title="Prep sheet" description="What every prep sheet of this clinic shows. Changes apply to sheets generated from now on.">
      {({ orgSlug: slug, settings, readOnly }) => <PrepSheetSettingsForm orgSlug={slug} settings={settings.prepSheet} readOnly={readOnly} />}
    </SettingsSectionPage>
  );
}
