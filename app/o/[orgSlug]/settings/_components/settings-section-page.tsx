import { PageHeader } from "@/app/_components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { hasPermission } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { readClinicSettings, type ClinicSettingsStore } from "@/lib/organizations/clinic-settings-store";
import { SettingsNav } from "./settings-nav";

/** The frame of one settings section: settings.read to see it, settings.manage to change it. */
export async function SettingsSectionPage(props: {
  orgSlug: string;
  title: string;
  description: string;
  children: (ctx: { orgSlug: string; settings: ClinicSettingsStore; readOnly: boolean }) => React.ReactNode;
}) {
  const { organization, role, actor } = await requireOrgPage(props.orgSlug, "settings.read");
  const may = (p: "settings.manage" | "epic_connection.manage") => hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, p);
  const settings = readClinicSettings(organization.settings);
  return (
    <>
      <PageHeader title={props.title} description={props.description} />
      <SettingsNav orgSlug={organization.slug} showEpic={may("epic_connection.manage")} />
      <Card>
        <CardContent className="pt-6">{props.children({ orgSlug: organization.slug, settings, readOnly: !may("settings.manage") })}</CardContent>
      </Card>
    </>
  );
}
