import type { Metadata } from "next";
import { MonitorX } from "lucide-react";
import { signOutEverywhereAction } from "@/app/(auth)/actions";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getAccountSecurity } from "@/lib/auth/get-account-security";
import { formatClinicDateTime } from "@/lib/dates/format-clinic-time";
import { readerTimeZone } from "@/lib/dates/reader-time-zone";
import { requireSignedInPage } from "@/lib/http/require-org-page";
import { findHomeTimeZone } from "@/lib/organizations/find-home-time-zone";
import { TwoFactorPanel } from "./two-factor-panel";

export const metadata: Metadata = { title: "Account" };

const statusBadge = {
  on: { label: "On", variant: "success" },
  pending: { label: "Setup not finished", variant: "warning" },
  off: { label: "Off", variant: "secondary" },
} as const;

export default async function AccountPage() {
  const { user, db } = await requireSignedInPage("/account");
  const [account, homeZone] = await Promise.all([getAccountSecurity(db, { userId: user.userId, sessionId: user.sessionId }), findHomeTimeZone(db, user.userId)]);
  // Sessions belong to no clinic: they read in the person's own clinic's zone, else UTC (labelled).
  const zone = readerTimeZone(homeZone);
  const badge = statusBadge[account.twoFactor];
  return (
    <>
      <PageHeader title="Account" description={`Sign-in security for ${account.email ?? user.name ?? "your account"}`} />
      <div className="grid max-w-3xl gap-8">
        <section aria-labelledby="two-factor-heading" className="grid gap-3 rounded-xl border bg-card p-5">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="two-factor-heading" className="text-lg font-semibold">Two-factor sign-in</h2>
            {account.hasPassword ? <Badge variant={badge.variant} data-testid="two-factor-status">{badge.label}</Badge> : null}
          </div>
          {account.hasPassword ? (
            <TwoFactorPanel status={account.twoFactor} required={account.twoFactorRequired} recoveryCodesLeft={account.recoveryCodesLeft} />
          ) : (
            <p className="text-sm text-muted-foreground">You sign in with Epic, so your second factor is managed by Epic.</p>
          )}
        </section>

        <section aria-labelledby="sessions-heading" className="grid gap-3 rounded-xl border bg-card p-5">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="sessions-heading" className="text-lg font-semibold">Signed-in sessions</h2>
            <form action={signOutEverywhereAction}>
              <Button type="submit" variant="outline" size="sm">
                <MonitorX aria-hidden className="size-4" /> Sign out everywhere
              </Button>
            </form>
          </div>
          <p className="text-sm text-muted-foreground">Signing out everywhere ends every session below, this one included.</p>
          <Table data-testid="session-list">
            <TableHeader>
              <TableRow>
                <TableHead>Signed in</TableHead>
                <TableHead>Last seen</TableHead>
                <TableHead>Method</TableHead>
                <TableHead><span className="sr-only">This device</span></TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {account.sessions.map((s) => (
                <TableRow key={s.id} data-testid="session-row">
                  <TableCell>{formatClinicDateTime(s.createdAt, zone)}</TableCell>
                  <TableCell>{formatClinicDateTime(s.lastSeenAt, zone)}</TableCell>
                  <TableCell>{s.method === "epic" ? "Epic" : "Password"}</TableCell>
                  <TableCell>{s.current ? <Badge variant="info">This session</Badge> : null}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      </div>
    </>
  );
}
