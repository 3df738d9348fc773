import { describeDocumentFailure } from "@/lib/documents/describe-document-failure";
import { RetryDocumentsButton } from "../patients/[patientId]/retry-documents-button";

export type DocumentCounts = { total: number; done: number; failed: number; pages: number; failedReason?: string | null };

/**
 * A schedule row's documents: a bar that fills as documents finish, green for read and red for
 * failed (so "all finished, one failed" never looks like all read), the reason in plain words and
 * a way to try again.
 */
export function DocumentProgress(props: { documents: DocumentCounts; orgSlug: string; patientId: string; patientLabel: string; canRetry: boolean }) {
  const { total, done, failed, pages } = props.documents;
  if (total === 0) return <span className="text-xs text-muted-foreground">No documents</span>;
  const percent = Math.round(((done + failed) / total) * 100);
  const line = `${done}/${total} read${pages ? ` · ${pages} ${pages === 1 ? "page" : "pages"}` : ""}${failed ? ` · ${failed} failed` : ""}`;
  const failure = failed ? describeDocumentFailure(props.documents.failedReason ?? null) : null;
  return (
    <div className="grid gap-1">
      <div
        className="flex h-1.5 w-full overflow-hidden rounded-full bg-muted"
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuetext={`${done} of ${total} read${failed ? `, ${failed} failed` : ""}`}
        aria-label="Documents read"
        data-state={failed ? "failed" : done === total ? "read" : "reading"}
      >
        <div className="h-full bg-primary transition-all" style={{ width: `${(done / total) * 100}%` }} />
        {failed ? <div className="h-full bg-destructive" style={{ width: `${(failed / total) * 100}%` }} data-testid="documents-failed-bar" /> : null}
      </div>
      <span className={failed ? "text-xs text-destructive" : "text-xs text-muted-foreground"} data-testid="document-progress">{line}</span>
      {failure ? (
        <div className="grid max-w-56 gap-1" data-testid="document-failure">
          <span className="text-xs text-muted-foreground">
            {`${failed === 1 ? "One document" : "Some documents"} could not be read: ${failure.text}${failure.retryHelps ? "" : " Ask for a readable copy in Epic."}`}
          </span>
          {props.canRetry ? <RetryDocumentsButton orgSlug={props.orgSlug} patientId={props.patientId} label={`Try again: read ${props.patientLabel}'s failed documents`} /> : null}
        </div>
      ) : null}
    </div>
  );
}
