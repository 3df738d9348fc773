import { Badge } from "@/components/ui/badge";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { describeDocumentFailure } from "@/lib/documents/describe-document-failure";
import type { PatientDocumentSummary } from "@/lib/documents/list-patient-document-summaries";
import { RetryDocumentsButton } from "./retry-documents-button";

const stateLabels: Record<PatientDocumentSummary["state"], { label: string; variant: "secondary" | "info" | "success" | "danger" | "outline" }> = {
  pending: { label: "Waiting", variant: "secondary" },
  processing: { label: "Reading", variant: "info" },
  processed: { label: "Read", variant: "success" },
  failed: { label: "Failed", variant: "danger" },
  skipped: { label: "Skipped", variant: "outline" },
};

/** The patient's Epic documents: processing state, category, service date and OCR confidence; never the text. */
export function DocumentsTable({ documents, retry }: { documents: PatientDocumentSummary[]; retry: { orgSlug: string; patientId: string } | null }) {
  const failed = documents.filter((d) => d.state === "failed").length;
  // Our own scroll box instead of <Table>'s: at tablet width the columns overflow, and a scrolling
  // region without links must be focusable (and named) so keyboard users can scroll it.
  return (
    <div role="region" aria-label="Patient documents" tabIndex={0} className="relative w-full overflow-x-auto rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
      <table className="w-full caption-bottom text-sm">
        <TableHeader>
          <TableRow>
            <TableHead>Document</TableHead>
            <TableHead>Category</TableHead>
            <TableHead>Service date</TableHead>
            <TableHead>State</TableHead>
            <TableHead>Pages</TableHead>
            <TableHead>OCR confidence</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {documents.map((d) => {
            const state = stateLabels[d.state];
            return (
              <TableRow key={d.id} data-testid="document-row">
                <TableCell>{d.title ?? "Untitled"}</TableCell>
                <TableCell className="capitalize">{d.category ?? "-"}</TableCell>
                <TableCell className="tabular-nums">{d.serviceDate ?? "-"}</TableCell>
                <TableCell>
                  <Badge variant={state.variant}>{state.label}</Badge>
                  {d.state === "failed" ? <span className="ml-2 text-xs text-muted-foreground" data-testid="document-failure-reason">{describeDocumentFailure(d.failureReason).text}</span> : null}
                </TableCell>
                <TableCell className="tabular-nums">{d.pages ?? "-"}</TableCell>
                <TableCell className="tabular-nums">{d.confidence === null ? "-" : `${Math.round(d.confidence * 100)}%`}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </table>
      {failed > 0 && retry ? (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">{failed === 1 ? "One document could not be read." : `${failed} documents could not be read.`}</span>
          <RetryDocumentsButton orgSlug={retry.orgSlug} patientId={retry.patientId} label="Try again: read the failed documents" />
        </div>
      ) : null}
    </div>
  );
}
