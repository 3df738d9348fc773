import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { seedDemo } from "@/lib/demo/seed-demo";
import { appointments, auditEvents, jobRuns, organizations, patients, prepSheets, screeningResults, screeningTypes, users } from "@/db/schema";
import { createInProcessRunner } from "@/inngest/in-process-runner";
import { defineJob, type JobDefinition } from "@/inngest/job-definition";
import { createJobRunHooks } from "@/inngest/job-run-hooks";
import { toInngestFunction } from "@/inngest/to-inngest-function";
import { exportAuditLog } from "@/lib/admin/export-audit-log";
import { getClinicDetail } from "@/lib/admin/get-clinic-detail";
import { getUsageReports } from "@/lib/admin/get-usage-reports";
import { listAuditLogPage } from "@/lib/admin/list-audit-log-page";
import { listJobRunsPage } from "@/lib/admin/list-job-runs-page";
import { listPlatformMembers } from "@/lib/admin/list-platform-members";
import { listAllOrganizations } from "@/lib/organizations/list-all-organizations";
import { retryJobRun } from "@/lib/admin/retry-job-run";
import { resolveOrgAccess } from "@/lib/auth/resolve-org-access";
import { AppError } from "@/lib/errors";
import { createId, type Id } from "@/lib/ids";
import { registerJobDispatcher } from "@/lib/jobs/dispatch-event";
import { patientSyncRequested } from "@/lib/jobs/events";
import { setOrganizationStatus } from "@/lib/organizations/set-organization-status";
import { updateOrganization } from "@/lib/organizations/update-organization";
import { createTestDatabase } from "../setup/test-db";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, string> = {};
const org = (slug: string) => ids[slug] as Id<"organization">;
const adminAudit = () => ({ actorUserId: ids["admin@healthprep.test"]!, organizationId: null, ip: "127.0.0.1" });

beforeAll(async () => {
  handle = await createTestDatabase();
  // A sandbox port only fills in the Epic registration; no sandbox runs in this file.
  await seedDemo(handle.db, "integration-password-1", { sandboxPort: 4599 });
  for (const u of await handle.db.select().from(users)) if (u.email) ids[u.email] = u.id;
  for (const o of await handle.db.select().from(organizations)) ids[o.slug] = o.id;
});
afterAll(async () => {
  registerJobDispatcher(undefined);
  await handle?.close();
});

const auditRows = (action: string, organizationId: string) =>
  handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.organizationId, organizationId)));

describe("clinic edit, suspend and reactivate", () => {
  it("edits name and time zone, auditing field names only", async () => {
    await updateOrganization(handle.db, { organizationId: org("lakeside"), name: "Lakeside Family Care", timeZone: "America/Denver" }, adminAudit());
    const [row] = await handle.db.select().from(organizations).where(eq(organizations.id, org("lakeside")));
    expect(row).toMatchObject({ name: "Lakeside Family Care", timeZone: "America/Denver" });
    const [event] = await auditRows("organization.updated", org("lakeside"));
    expect(event!.metadata).toEqual({ fields: ["name", "timeZone"], previousTimeZone: "America/Chicago", timeZone: "America/Denver" });
    expect(JSON.stringify(event!.metadata)).not.toContain("Family Care");
  });

  it("suspension locks members out (platform admins keep access) until reactivated; both audited", async () => {
    const member = { userId: ids["riverside.admin@healthprep.test"]!, isPlatformAdmin: false };
    const platform = { userId: ids["admin@healthprep.test"]!, isPlatformAdmin: true };
    await setOrganizationStatus(handle.db, { organizationId: org("riverside"), status: "suspended" }, adminAudit());
    await expect(resolveOrgAccess(handle.db, member, "riverside", "schedule.read")).rejects.toMatchObject({ code: "forbidden" });
    await expect(resolveOrgAccess(handle.db, platform, "riverside", "settings.manage")).resolves.toMatchObject({ organization: { status: "suspended" } });
    await setOrganizationStatus(handle.db, { organizationId: org("riverside"), status: "active" }, adminAudit());
    await expect(resolveOrgAccess(handle.db, member, "riverside", "schedule.read")).resolves.toMatchObject({ role: "org_admin" });
    expect(await auditRows("organization.suspended", org("riverside"))).toHaveLength(1);
    expect(await auditRows("organization.reactivated", org("riverside"))).toHaveLength(1);
    // Setting the status it already has changes nothing and writes no audit row.
    await setOrganizationStatus(handle.db, { organizationId: org("riverside"), status: "active" }, adminAudit());
    expect(await auditRows("organization.reactivated", org("riverside"))).toHaveLength(1);
  });
});

describe("job runs", () => {
  const patientId = createId("patient");
  const attempts: string[] = [];
  const okJob = defineJob({ id: "test-ok", event: { name: "test/ok" }, retries: 0, handler: async () => void attempts.push("ok") });
  const syncJob = defineJob({
    id: "test-sync-patient",
    event: patientSyncRequested,
    retries: 1,
    handler: async ({ event }) => {
      attempts.push(`sync:${String(event.data.requestId)}`);
      if (attempts.filter((a) => a.startsWith("sync:")).length <= 2) throw new AppError("ehr_unavailable", "Epic answered 503 for Patient read");
    },
  });
  const crashJob = defineJob({
    id: "test-crash",
    event: { name: "test/crash" },
    retries: 0,
    handler: async () => {
      throw new Error('invalid input syntax for type date: "Jane Doe"');
    },
  });
  let runner: ReturnType<typeof createInProcessRunner>;

  beforeAll(() => {
    runner = createInProcessRunner([okJob, syncJob, crashJob] as JobDefinition[], { retryDelayMs: 1, runHooks: createJobRunHooks(async () => handle.db) });
    registerJobDispatcher(runner);
  });

  it("records success, failure with the AppError reason, withholds other messages, and stores id-only data", async () => {
    await runner.send([
      { name: "test/ok", data: { organizationId: org("riverside") } },
      { name: patientSyncRequested.name, data: { organizationId: org("riverside"), patientId, requestId: createId("syncRun") } },
      { name: "test/crash", data: { organizationId: org("lakeside"), note: "free text never stored" } },
    ]);
    await runner.idle();
    const rows = await handle.db.select().from(jobRuns);
    const byFn = Object.fromEntries(rows.map((r) => [r.functionId, r]));
    expect(byFn["test-ok"]).toMatchObject({ status: "succeeded", organizationId: org("riverside"), attempts: 1 });
    expect(byFn["test-sync-patient"]).toMatchObject({ status: "failed", attempts: 2, errorMessage: "ehr_unavailable: Epic answered 503 for Patient read" });
    expect(byFn["test-sync-patient"]!.eventData).toMatchObject({ organizationId: org("riverside"), patientId });
    expect(byFn["test-crash"]).toMatchObject({ status: "failed", errorMessage: "Error (details withheld: not an AppError)", eventData: { organizationId: org("lakeside") } });
    expect(JSON.stringify(rows)).not.toContain("Jane Doe");
    expect(JSON.stringify(rows)).not.toContain("free text");
    for (const r of rows) expect(r.finishedAt!.getTime()).toBeGreaterThanOrEqual(r.startedAt.getTime());
  });

  it("retries a failed run by re-sending its event with a fresh request id, audited", async () => {
    const [failed] = await handle.db.select().from(jobRuns).where(eq(jobRuns.functionId, "test-sync-patient"));
    await expect(retryJobRun(handle.db, { jobRunId: (await handle.db.select().from(jobRuns).where(eq(jobRuns.functionId, "test-ok")))[0]!.id }, adminAudit())).rejects.toMatchObject({ code: "conflict" });
    await retryJobRun(handle.db, { jobRunId: failed!.id }, adminAudit());
    await runner.idle();
    const retried = await handle.db.select().from(jobRuns).where(eq(jobRuns.retryOfId, failed!.id));
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({ status: "succeeded", functionId: "test-sync-patient" });
    expect(retried[0]!.eventData.requestId).not.toBe(failed!.eventData.requestId);
    const [audit] = await auditRows("job.retried", org("riverside"));
    expect(audit).toMatchObject({ targetIds: [failed!.id], actorUserId: ids["admin@healthprep.test"] });
    const { runs } = await listJobRunsPage(handle.db, { organizationId: org("riverside"), status: "failed" }, new Date());
    expect(runs.map((r) => r.id)).toEqual([failed!.id]);
    expect(runs[0]).toMatchObject({ retryable: true });
  });

  it("skips the jobs of a suspended clinic without running them", async () => {
    await setOrganizationStatus(handle.db, { organizationId: org("lakeside"), status: "suspended" }, adminAudit());
    const before = attempts.length;
    await runner.send([{ name: "test/ok", data: { organizationId: org("lakeside") } }]);
    await runner.idle();
    expect(attempts.length).toBe(before);
    const [skipped] = await handle.db.select().from(jobRuns).where(and(eq(jobRuns.organizationId, org("lakeside")), eq(jobRuns.functionId, "test-ok")));
    expect(skipped).toMatchObject({ status: "skipped", errorMessage: "forbidden: clinic suspended" });
    await setOrganizationStatus(handle.db, { organizationId: org("lakeside"), status: "active" }, adminAudit());
  });

  it("records Inngest runs through the client middleware, keyed by run id", async () => {
    const engine = new InngestTestEngine({ function: toInngestFunction(okJob as JobDefinition) });
    await engine.execute({ events: [{ name: "test/ok", data: { organizationId: org("riverside") } }] });
    const rows = await handle.db.select().from(jobRuns).where(eq(jobRuns.functionId, "test-ok"));
    const inngestRows = rows.filter((r) => r.externalRunId !== null);
    expect(inngestRows).toHaveLength(1);
    expect(inngestRows[0]).toMatchObject({ status: "succeeded", organizationId: org("riverside") });
  });
});

describe("audit log filters, pagination and CSV export", () => {
  it("filters by clinic, actor email, action and date range, and audits the read", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { events } = await listAuditLogPage(
      handle.db,
      { organizationId: org("riverside"), actor: "admin@healthprep.test", action: "organization.suspended", from: today, to: today },
      adminAudit(),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "organization.suspended", organizationId: org("riverside") });
    // The person, not the user id.
    expect(events[0]!.actor).toEqual({ name: expect.any(String), email: "admin@healthprep.test" });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await listAuditLogPage(handle.db, { action: "organization.suspended", to: yesterday }, adminAudit())).events).toHaveLength(0);
    expect((await listAuditLogPage(handle.db, { actor: "nobody@healthprep.test" }, adminAudit())).events).toHaveLength(0);
    const viewed = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "audit_log.viewed"));
    expect(viewed.length).toBeGreaterThanOrEqual(3);
  });

  it("pages 50 at a time without overlap", async () => {
    for (let i = 0; i < 60; i++) {
      await handle.db.insert(auditEvents).values({ id: createId("audit"), action: "schedule.viewed", organizationId: org("lakeside"), actorUserId: "usr_paging" });
    }
    const first = await listAuditLogPage(handle.db, { actor: "usr_paging" }, adminAudit());
    const second = await listAuditLogPage(handle.db, { actor: "usr_paging", page: 2 }, adminAudit());
    expect([first.events.length, first.hasNext, second.events.length, second.hasNext]).toEqual([50, true, 10, false]);
    expect(new Set([...first.events, ...second.events].map((e) => e.id)).size).toBe(60);
  });

  it("exports CSV with escaping, holds no names, and audits the export", async () => {
    const { csv, count } = await exportAuditLog(handle.db, { organizationId: org("lakeside"), action: "organization.updated" }, adminAudit());
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,occurred_at,action,actor_user_id,organization_id,target_type,target_ids,metadata,ip");
    expect(count).toBe(1);
    // metadata JSON has commas and quotes: quoted, quotes doubled.
    expect(lines[1]).toContain('"{""fields"":[""name"",""timeZone""]');
    expect(csv).not.toContain("Lakeside Family Care");
    const [exported] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "audit_log.exported"));
    expect(exported!.metadata).toMatchObject({ organizationId: org("lakeside"), action: "organization.updated", count: 1 });
  });
});

describe("members and clinic detail", () => {
  it("lists every account with clinics and roles, searchable, audited", async () => {
    const all = await listPlatformMembers(handle.db, {}, adminAudit());
    const admin = all.find((m) => m.email === "admin@healthprep.test");
    expect(admin).toMatchObject({ isPlatformAdmin: true });
    const found = await listPlatformMembers(handle.db, { search: "riverside.st" }, adminAudit());
    expect(found.map((m) => m.email)).toEqual(["riverside.staff@healthprep.test"]);
    expect(found[0]!.clinics).toEqual([expect.objectContaining({ slug: "riverside", role: "staff" })]);
    expect(await listPlatformMembers(handle.db, { search: "%" }, adminAudit())).toEqual([]);
  });

  it("shows a clinic's members, Epic registration without its secret, and recent job runs", async () => {
    const detail = await getClinicDetail(handle.db, { organizationId: org("riverside") }, adminAudit());
    expect(detail.members.map((m) => m.email)).toContain("riverside.admin@healthprep.test");
    expect(detail.epic).toMatchObject({ clientId: "healthprep-confidential", hasClientSecret: true });
    expect(JSON.stringify(detail)).not.toContain("healthprep-sandbox-secret");
    expect(JSON.stringify(detail)).not.toContain("clientSecretEncrypted");
    expect(detail.jobRuns.length).toBeGreaterThan(0);
    await expect(getClinicDetail(handle.db, { organizationId: createId("organization") }, adminAudit())).rejects.toMatchObject({ code: "not_found" });
  });

  it("the clinics list counts each clinic's members as its own page does", async () => {
    const list = await listAllOrganizations(handle.db);
    for (const slug of ["riverside", "lakeside"]) {
      const detail = await getClinicDetail(handle.db, { organizationId: org(slug) }, adminAudit());
      expect(detail.members.length).toBeGreaterThan(0);
      expect(list.find((o) => o.slug === slug)?.members, slug).toBe(detail.members.length);
    }
  });
});

describe("usage reports", () => {
  it("computes completion among eligible results and prep sheets per clinic-local day", async () => {
    const o = org("riverside");
    const patient = createId("patient");
    await handle.db.insert(patients).values({ id: patient, organizationId: o, fhirBaseUrl: "https://fhir.test", ehrPatientId: "p1" });
    const appointment = createId("appointment");
    await handle.db.insert(appointments).values({ id: appointment, organizationId: o, patientId: patient, fhirBaseUrl: "https://fhir.test", ehrAppointmentId: "a1", startAt: new Date(), status: "booked", lastSyncedAt: new Date() });
    const type = createId("screeningType");
    await handle.db.insert(screeningTypes).values({ id: type, organizationId: o, key: "crc", version: 1, name: "Colorectal cancer screening", definition: {} });
    const statuses = ["complete", "complete", "due", "overdue", "not_eligible", "excluded"] as const;
    for (const status of statuses) {
      const p = createId("patient");
      await handle.db.insert(patients).values({ id: p, organizationId: o, fhirBaseUrl: "https://fhir.test", ehrPatientId: p });
      await handle.db.insert(screeningResults).values({
        id: createId("screeningResult"), organizationId: o, patientId: p, screeningTypeId: type, screeningTypeKey: "crc", screeningTypeVersion: 1,
        status, provisionalStatus: status, selection: "standalone", detailsEncrypted: "x", asOf: "2026-01-01", inputHash: "h", evaluatedAt: new Date(),
      });
    }
    // 2026-03-10 03:00 UTC is still 2026-03-09 in New York (Riverside's zone): day boundaries are the clinic's.
    const now = new Date("2026-03-10T15:00:00Z");
    const sheet = (createdAt: Date, version: number) => ({
      id: crypto.randomUUID(), organizationId: o, patientId: patient, appointmentId: appointment, version, asOf: "2026-03-09",
      contentHash: `h${version}`, modelEncrypted: "x", status: "ready" as const, generatedAt: createdAt, createdAt,
    });
    await handle.db.insert(prepSheets).values([sheet(new Date("2026-03-10T03:00:00Z"), 1), sheet(new Date("2026-03-10T14:00:00Z"), 2), sheet(new Date("2026-02-01T12:00:00Z"), 3)]);
    const riverside = (await getUsageReports(handle.db, now)).find((c) => c.id === o)!;
    expect(riverside.timeZone).toBe("America/New_York");
    expect(riverside.completion).toEqual([{ key: "crc", name: "Colorectal cancer screening", eligible: 4, complete: 2, rate: 0.5 }]);
    expect(riverside.throughput).toHaveLength(14);
    expect(riverside.throughput.at(-1)).toEqual({ day: "2026-03-10", count: 1 });
    expect(riverside.throughput.at(-2)).toEqual({ day: "2026-03-09", count: 1 });
    expect(riverside.throughput.reduce((n, d) => n + d.count, 0)).toBe(2);
  });
});
