import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { Users } from "lucide-react";
import { EmptyState } from "@/app/_components/empty-state";
import { roleLabels } from "@/app/_components/role-labels";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { firstValues, memberSearchSchema } from "@/lib/admin/admin-schemas";
import { listPlatformMembers } from "@/lib/admin/list-platform-members";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { requirePlatformPage } from "@/lib/http/require-org-page";
import { ScrollTable } from "../_components/scroll-table";

export const metadata: Metadata = { title: "Members" };


export default async function MembersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await requirePlatformPage();
  const parsed = memberSearchSchema.safeParse(firstValues(await searchParams));
  const search = parsed.success ? parsed.data.q : undefined;
  const meta = requestMetaFromHeaders(await headers());
  const members = await listPlatformMembers(db, search ? { search } : {}, { actorUserId: user.userId, organizationId: null, ...meta });
  return (
    <>
      <PageHeader title="Members" description="Every account on this deployment, with its clinics and roles." />
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="member-search">Search by name or email</Label>
          <Input id="member-search" name="q" type="search" defaultValue={search ?? ""} className="w-72" />
        </div>
        <Button type="submit" variant="outline">
          Search
        </Button>
        {search ? (
          <Link className="text-sm underline" href="/admin/members">
            Clear
          </Link>
        ) : null}
      </form>
      {members.length === 0 ? (
        <EmptyState icon={Users} title={search ? "No member matches" : "No members yet"}>
          {search ? "Try part of a name or an email address." : "Accounts appear here once they are created."}
        </EmptyState>
      ) : (
        <Card>
          <CardContent className="pt-6">
            <ScrollTable label="Accounts">
              <caption className="sr-only">{members.length} accounts</caption>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Email</TableHead>
                  <TableHead>Clinics and roles</TableHead>
                  <TableHead>Platform admin</TableHead>
                  <TableHead>Two-factor</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {members.map((m) => (
                  <TableRow key={m.userId} data-testid="member-row">
                    <TableCell className="font-medium">
                      {m.name ?? "—"}
                      {m.disabled ? (
                        <Badge variant="secondary" className="ml-2">
                          disabled
                        </Badge>
                      ) : null}
                    </TableCell>
                    <TableCell className="break-all">{m.email ?? "—"}</TableCell>
                    <TableCell>
                      {m.clinics.length === 0 ? (
                        <span className="text-muted-foreground">No clinic</span>
                      ) : (
                        <ul className="grid gap-0.5">
                          {m.clinics.map((c) => (
                            <li key={c.organizationId}>
                              <Link className="hover:underline" href={`/admin/organizations/${c.organizationId}`}>
                                {c.name}
                              </Link>{" "}
                              <span className="text-muted-foreground">· {roleLabels[c.role] ?? c.role}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                    <TableCell>{m.isPlatformAdmin ? <Badge variant="info">Platform admin</Badge> : <span className="text-muted-foreground">No</span>}</TableCell>
                    <TableCell>{m.twoFactor ? "On" : <span className="text-muted-foreground">Off</span>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollTable>
          </CardContent>
        </Card>
      )}
    </>
  );
}
