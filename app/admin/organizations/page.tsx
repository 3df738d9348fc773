import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { Building2 } from "lucide-react";
import { EmptyState } from "@/app/_components/empty-state";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePlatformPage } from "@/lib/http/require-org-page";
import { listAllOrganizations } from "@/lib/organizations/list-all-organizations";
import { CreateOrganizationForm } from "./create-organization-form";

export const metadata: Metadata = { title: "Clinics" };

export default async function OrganizationsPage() {
  const { db } = await requirePlatformPage();
  const organizations = await listAllOrganizations(db);
  return (
    <>
      <PageHeader title="Clinics" description="Every clinic on this HealthPrep deployment." />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>New clinic</CardTitle>
        </CardHeader>
        <CardContent>
          <CreateOrganizationForm />
        </CardContent>
      </Card>
      {organizations.length === 0 ? (
        <EmptyState icon={Building2} title="No clinics yet">Create the first clinic above; then configure its Epic app.</EmptyState>
      ) : (
      <Card>
        <CardContent className="pt-6">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Clinic</TableHead>
                <TableHead>Address</TableHead>
                <TableHead>Time zone</TableHead>
                <TableHead>Members</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {organizations.map((o) => (
                <TableRow key={o.id} data-testid="organization-row">
                  <TableCell className="font-medium">
                    <Link className="hover:underline" href={`/admin/organizations/${o.id}`}>
                      {o.name}
                    </Link>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{o.slug}</TableCell>
                  <TableCell>{o.timeZone}</TableCell>
                  <TableCell>{o.members}</TableCell>
                  <TableCell>
                    <Badge variant={o.status === "active" ? "success" : "warning"}>{o.status}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      )}
    </>
  );
}
