import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeader } from "@/app/_components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { requirePlatformPage } from "@/lib/http/require-org-page";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage() {
  const { user, db } = await requirePlatformPage();
  const meta = requestMetaFromHeaders(await headers());
  const events = await listAuditLog(db, { limit: 200 }, { actorUserId: user.userId, organizationId: null, ...meta });
  return (
    <>
      <PageHeader title="Audit log" description="Newest first. Entries hold ids, never clinical content." />
      <Card>
        <CardContent className="pt-6">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Time (UTC)</TableHead>
                <TableHead>Action</TableHead>
                <TableHead>Actor</TableHead>
                <TableHead>Clinic</TableHead>
                <TableHead>Targets</TableHead>
                <TableHead>IP</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {events.map((e) => (
                <TableRow key={e.id} data-testid="audit-row">
                  <TableCell className="whitespace-nowrap font-mono text-xs">{e.occurredAt.toISOString().replace("T", " ").slice(0, 19)}</TableCell>
                  <TableCell className="font-mono text-xs">{e.action}</TableCell>
                  <TableCell className="font-mono text-xs">{e.actorUserId ?? "—"}</TableCell>
                  <TableCell className="font-mono text-xs">{e.organizationId ?? "—"}</TableCell>
                  <TableCell className="font-mono text-xs">{e.targetIds.join(", ") || "—"}</TableCell>
                  <TableCell className="font-mono text-xs">{e.ip ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
}
