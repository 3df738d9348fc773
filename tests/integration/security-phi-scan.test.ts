import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { listPatientDocuments } from "@/db/queries/documents";
import { listPatients } from "@/db/queries/patients";
import { createJobs } from "@/inngest/functions";
import { createInProcessRunner } from "@/inngest/in-process-runner";
import type { JobDeps } from "@/inngest/job-deps";
import { AppError } from "@/lib/errors";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { toResponse } from "@/lib/http/to-response";
import { withOrg } from "@/lib/http/with-org";
import { dispatchEvents, registerJobDispatcher } from "@/lib/jobs/dispatch-event";
import { scheduleSyncRequested } from "@/lib/jobs/events";
import { logger } from "@/lib/log/logger";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createClinic, createCountingOcr, startSandboxWithClient } from "./sync-test-helpers";

// Log everything during the scan (lib/env reads LOG_LEVEL at import).
vi.hoisted(() => {
  process.env.LOG_LEVEL = "debug";
});
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => null,
  requireSessionUser: async () => ({ userId: "usr_x", sessionId: "ses_x", name: null, email: null, isPlatformAdmin: false }),
}));
vi.mock("@/lib/auth/resolve-org-access", () => ({
  resolveOrgAccess: async () => ({ organization: { id: "org_x", slug: "riverside" }, role: "org_admin", actor: { userId: "usr_x", isPlatformAdmin: false } }),
}));

/** The seeded people's identifying values: names, MRNs, birth dates (and Epic ids). */
const phi = [...new Set(seedPatients.flatMap((p) => [p.given, p.family, `${p.given} ${p.family}`, p.mrn, p.birthDate, p.id]))];
const scan = (text: string) => phi.filter((value) => text.includes(value));

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
const captured: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  // Transient Epic faults too, so retry and failure paths log as well.
  ({ sandbox, client } = await startSandboxWithClient({ faults: "status-503=0.1,status-429=0.05" }));
}, 180_000);
afterAll(async () => {
  registerJobDispatcher(undefined);
  vi.restoreAllMocks();
  await sandbox?.close();
  await handle?.close();
});

function captureLogs() {
  const record = (chunk: unknown) => captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
  const stderr = process.stderr.write.bind(process.stderr);
  const stdout = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stderr, "write").mockImplementation(((chunk: unknown, ...rest: never[]) => (record(chunk), stderr(chunk as string, ...rest))) as never);
  vi.spyOn(process.stdout, "write").mockImplementation(((chunk: unknown, ...rest: never[]) => (record(chunk), stdout(chunk as string, ...rest))) as never);
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => (captured.push(args.map(String).join(" ")), original(...args)));
  }
}

describe("PHI never reaches logs or error responses", () => {
  it("a full sync with document processing logs none of the seeded names, MRNs or birth dates", async () => {
    captureLogs();
    logger.info("phi_scan.started", { marker: "capture-works" });
    const organizationId = await createClinic(handle.db, "phi-scan-clinic");
    const deps: JobDeps = {
      context: async () => ({
        db: handle.db,
        getFhirClient: async () => ({ client, fhirBaseUrl: sandbox.fhirBase }),
        getOcr: async () => createCountingOcr(),
        now: () => new Date(),
      }),
    };
    const runner = createInProcessRunner(createJobs(deps), { retryDelayMs: 1 });
    registerJobDispatcher(runner);
    await dispatchEvents(Object.values(sandbox.practitioners).map((practitionerId) => scheduleSyncRequested.create({ organizationId, practitionerId })));
    await runner.idle();
    // Deliberate misuse: PHI handed to the logger under PHI-looking keys and inside errors.
    const p = seedPatients[0]!;
    logger.error("phi_scan.misuse", { patientName: `${p.given} ${p.family}`, mrn: p.mrn, birthDate: p.birthDate, err: new Error(`${p.given} ${p.mrn}`) });

    const patients = await listPatients(handle.db, organizationId);
    expect(patients).toHaveLength(seedPatients.length);
    const documents = (await Promise.all(patients.map((row) => listPatientDocuments(handle.db, organizationId, row.id)))).flat();
    expect(documents.length).toBeGreaterThanOrEqual(12);
    const log = captured.join("\n");
    expect(log).toContain("capture-works");
    expect(captured.length).toBeGreaterThan(2);
    expect(scan(log)).toEqual([]);
  }, 300_000);

  it("error responses of the route wrappers carry no PHI, whatever the thrown error held", async () => {
    const p = seedPatients[1]!;
    const text = `${p.given} ${p.family} MRN ${p.mrn} born ${p.birthDate} (${p.id})`;
    const thrown: unknown[] = [
      new Error(text),
      new TypeError(text),
      // AppError messages are logged for 5xx and must never hold PHI (lib/errors); the cause may.
      new AppError("internal", "sync step failed", { cause: new Error(text) }),
      new AppError("not_found", text),
      new AppError("ehr_rejected", "Epic refused", { cause: new Error(text), publicMessage: "Epic refused the request." }),
      z.object({ mrn: z.literal("x"), name: z.enum(["a"]), birthDate: z.iso.date() }).safeParse({ mrn: p.mrn, name: p.given, birthDate: text }).error,
      text,
      { message: text },
    ];
    const bodies: string[] = [];
    for (const error of thrown) bodies.push(await toResponse(error).text());
    for (const error of thrown) {
      const route = withOrg(async () => {
        throw error;
      }, { permission: "patients.read" });
      const response = await route(new Request("http://localhost/api/orgs/riverside/x"), { params: Promise.resolve({ orgSlug: "riverside" }) });
      expect(response.status).toBeGreaterThanOrEqual(400);
      bodies.push(await response.text());
    }
    expect(bodies.every((b) => JSON.parse(b).error.code)).toBe(true);
    expect(scan(bodies.join("\n"))).toEqual([]);
    expect(scan(captured.join("\n"))).toEqual([]);
  });
});
