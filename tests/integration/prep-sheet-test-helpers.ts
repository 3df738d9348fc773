import type { Db } from "@/db/client";
import { insertAccount } from "@/db/queries/accounts";
import { insertUser } from "@/db/queries/users";
import { createId, type Id } from "@/lib/ids";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createClinic } from "./sync-test-helpers";

/**
 * A clinic whose providers are the sandbox's practitioners, linked the way the demo seed links them
 * (an Auth.js account `epic:<clinic>` per clinician), so a clinic-wide day covers the whole schedule.
 */
export async function createSandboxClinic(db: Db, sandbox: EpicSandbox, slug: string): Promise<Id<"organization">> {
  const organizationId = await createClinic(db, slug);
  for (const practitionerId of Object.values(sandbox.practitioners)) {
    const user = await insertUser(db, { id: createId("user"), name: `Provider ${practitionerId.slice(-4)}`, email: null });
    await insertAccount(db, { userId: user.id, provider: `epic:${organizationId}`, providerAccountId: `${sandbox.fhirBase}/Practitioner/${practitionerId}` });
  }
  return organizationId;
}
