import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatClinicDateTime } from "@/lib/dates/format-clinic-time";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { defaultEpicScopes } from "@/lib/smart/epic-scopes";
import { getEhrConnectionStatus } from "@/lib/smart/get-ehr-connection-status";
import { DisconnectButton } from "./disconnect-button";
import { EpicConnectionForm } from "./epic-connection-form";

export const metadata: Metadata = { title: "Epic connection" };

const statusVariant = { active: "success", reconnect_needed: "warning", disconnected: "secondary" } as const;

export default async function EpicSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { db, organization } = await requireOrgPage(orgSlug, "epic_connection.manage");
  const { connection, tokens } = await getEhrConnectionStatus(db, organization.id);
  return (
    <>
      <PageHeader title="Epic connection" description={`${organization.name}'s Epic app registration (SMART on FHIR).`} />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>App registration</CardTitle>
            <CardDescription>
              Redirect URI to register with Epic: <span className="font-mono">/api/auth/callback/epic</span> on this host; launch URL{" "}
              <span className="font-mono">/launch</span>; JWKS <span className="font-mono">/.well-known/jwks.json</span>.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <EpicConnectionForm orgSlug={organization.slug} connection={connection} defaultScopes={defaultEpicScopes} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Tokens</CardTitle>
            <CardDescription>Stored encrypted. Expiry is shown so you can see when a refresh is due.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {tokens.length === 0 ? (
              <p className="text-sm text-muted-foreground">No one has connected to Epic for this clinic yet.</p>
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Kind</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead>Expires</TableHead>
                    <TableHead>Refreshable</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {tokens.map((t) => (
                    <TableRow key={t.id} data-testid="token-row">
                      <TableCell>{t.kind === "backend" ? "Backend Services" : "User"}</TableCell>
                      <TableCell>
                        <Badge variant={statusVariant[t.status]}>{t.status.replace("_", " ")}</Badge>
                      </TableCell>
                      <TableCell className="text-xs tabular-nums">{formatClinicDateTime(t.expiresAt, organization.timeZone)}</TableCell>
                      <TableCell>{t.refreshable ? "yes" : "no"}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {tokens.some((t) => t.kind === "user" && t.status === "reconnect_needed") ? (
              <p role="status" className="text-sm text-amber-800">
                A connection needs reconnecting: that person signs in with Epic again (Reconnect) to resume.
              </p>
            ) : null}
            <DisconnectButton orgSlug={organization.slug} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
