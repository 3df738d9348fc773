import { PageHeader } from "@/app/_components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { hasPermission } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { readClinicSettings, type ClinicSettingsStore } from "@/lib/organizations/clinic-settings-store";
import { SettingsForm, type SaveSettingsAction } from "./settings-form";
import { SettingsNav } from "./settings-nav";

type Section = {
  title: string;
  description: string;
  /** The server action that saves this section (settings.manage). */
  action: SaveSettingsAction;
  /** The section's fields, filled from the clinic's current settings. */
  fields: (settings: ClinicSettingsStore) => React.ReactNode;
};

/** The page of one settings section: settings.read to see it, settings.manage to change it. */
export function settingsSectionPage(section: Section) {
  return async function SettingsSectionPage({ params }: { params: Promise<{ orgSlug: string }> }) {
    const { organization, role, actor } = await requireOrgPage((await params).orgSlug, "settings.read");
    const may = (p: "settings.manage" | "epic_connection.manage") => hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, p);
    return (
      <>
        <PageHeader title={section.title} description={section.description} />
        <SettingsNav orgSlug={organization.slug} showEpic={may("epic_connection.manage")} />
        <Card>
          <CardContent className="pt-6">
            <SettingsForm action={section.action} orgSlug={organization.slug} readOnly={!may("settings.manage")}>
              {section.fields(readClinicSettings(organization.settings))}
            </SettingsForm>
          </CardContent>
        </Card>
      </>
    );
  };
}
