import type { Id } from "@/lib/ids";
import type { DocumentProcessRequested, PatientScreenRequested } from "@/lib/jobs/events";
import { findDocumentPatient } from "@/lib/screening-data/find-document-patient";
import { runScreenPatient } from "@/lib/screening-data/run-screen-patient";
import { patientScreenRequested } from "../events";
import { defineJob, type JobStep } from "../job-definition";
import type { JobDeps } from "../job-deps";

/**
 * Re-evaluates one patient's screenings after their evidence changed (a sync, a processed document).
 * One run per clinic at a time, so two triggers for the same patient cannot store results out of
 * order; evaluation takes milliseconds. One run per (patient, request, cause).
 */
export function screenPatientJob(deps: JobDeps) {
  return defineJob<PatientScreenRequested>({
    id: "screen-patient",
    event: patientScreenRequested,
    retries: 3,
    concurrencyPerClinic: 1,
    idempotency: {
      cel: "event.data.patientId + '-' + event.data.requestId + '-' + event.data.causeId",
      key: (data) => `${data.patientId}-${data.requestId}-${data.causeId}`,
    },
    handler: async ({ event, step }) => step.run("screen-patient", async () => runScreenPatient(await deps.context(), event.data)),
  });
}

/** Last step of process-document: a processed document asks for its patient to be screened again. */
export async function requestScreeningAfterDocument(
  deps: JobDeps,
  step: JobStep,
  data: DocumentProcessRequested,
  result: { state: string },
): Promise<void> {
  if (result.state !== "processed") return;
  const { organizationId, documentId, requestId } = data;
  const owner = await step.run("find-document-patient", async () =>
    findDocumentPatient((await deps.context()).db, organizationId as Id<"organization">, documentId as Id<"document">));
  if (!owner) return;
  await step.sendEvent("request-screening", [
    {
      ...patientScreenRequested.create({ organizationId, patientId: owner.patientId, requestId, causeId: documentId }),
      id: `screen-patient-${owner.patientId}-${requestId}-${documentId}`,
    },
  ]);
}
