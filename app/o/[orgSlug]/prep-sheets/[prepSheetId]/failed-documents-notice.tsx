import Link from "next/link";
import { describeDocumentFailure } from "@/lib/documents/describe-document-failure";
import { listPatientDocumentSummaries } from "@/lib/documents/list-patient-document-summaries";
import type { Id } from "@/lib/ids";
import { RetryDocumentsButton } from "../../patients/[patientId]/retry-documents-button";

/**
 * A sheet built while some of the patient's documents could not be read says so: what those
 * documents hold is missing from it, however "Ready" it looks.
 */
export async function FailedDocumentsNotice(props: { db: Parameters<typeof listPatientDocumentSummaries>[0]; organizationId: Id<"organization">; orgSlug: string; patientId: Id<"patient">; canRetry: boolean }) {
  const documents = await listPatientDocumentSummaries(props.db, { organizationId: props.organizationId, patientId: props.patientId });
  const failed = documents.filter((d) => d.state === "failed");
  if (failed.length === 0) return null;
  const reasons = [...new Set(failed.map((d) => describeDocumentFailure(d.failureReason).text))];
  return (
    <div role="status" className="mb-4 grid gap-2 rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900" data-testid="failed-documents-warning">
      <p>
        {`${failed.length === 1 ? "One of the patient's documents" : `${failed.length} of the patient's documents`} could not be read, so this sheet leaves out whatever ${failed.length === 1 ? "it says" : "they say"}: ${reasons.join(" ")}`}{" "}
        <Link href={`/o/${props.orgSlug}/patients/${props.patientId}#documents-heading`} className="font-medium underline underline-offset-4">See the documents</Link>
      </p>
      {props.canRetry ? <div><RetryDocumentsButton orgSlug={props.orgSlug} patientId={props.patientId} label="Try again: read the failed documents" /></div> : null}
    </div>
  );
}
