"use client";
import { RotateCw, Send } from "lucide-react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { sendToEpicAction } from "../prep-sheets/[prepSheetId]/actions";
import { regeneratePrepSheetAction } from "./actions";

type RegenerateState = Awaited<ReturnType<typeof regeneratePrepSheetAction>> | null;
type SendState = Awaited<ReturnType<typeof sendToEpicAction>> | null;

/** The write-back ledger's answer, in a few words (the prep sheet page has the long form). */
const sendOutcome: Record<string, string> = {
  confirmed: "Sent to Epic",
  reconciled: "Sent to Epic",
  unknown: "Sent; Epic is confirming",
  failed: "Epic refused the note",
  unchanged: "Already in Epic",
  superseded: "Epic has a newer version",
  daily_cap: "Daily write limit reached",
  unsettled_write: "Earlier send still confirming",
  no_encounter: "No Epic encounter to file to",
  no_author: "No provider to author the note",
  dry_run: "Dry run: not written",
};

export type RowActionsProps = {
  orgSlug: string;
  appointmentId: string;
  prepSheetId: string | null;
  prepStatus: string;
  /** How the row is named to assistive technology; shown on the page already, never sent anywhere. */
  patientLabel: string;
  canGenerate: boolean;
  canWriteBack: boolean;
};

export function RowActions(props: RowActionsProps) {
  // Client wrappers, not the server actions themselves: React then skips encoding a no-JavaScript
  // fallback (action id, bound state) into each of the page's 80 forms — ~2 KB of HTML and render
  // time per row — which buys nothing on a table that needs JavaScript to poll anyway.
  const [regenerated, regenerate, regenerating] = useActionState<RegenerateState, FormData>((prev, form) => regeneratePrepSheetAction(prev, form), null);
  const [sent, send, sending] = useActionState<SendState, FormData>((prev, form) => sendToEpicAction(prev, form), null);
  const preparing = props.prepStatus === "in_progress";
  const sendable = props.canWriteBack && props.prepStatus === "ready" && props.prepSheetId;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {props.canGenerate ? (
        <form action={regenerate}>
          <input type="hidden" name="orgSlug" value={props.orgSlug} />
          <input type="hidden" name="appointmentId" value={props.appointmentId} />
          <Button type="submit" size="sm" variant="outline" disabled={regenerating || preparing} aria-label={`Regenerate prep sheet for ${props.patientLabel}`}>
            <RotateCw aria-hidden className={regenerating ? "animate-spin" : undefined} /> Regenerate
          </Button>
        </form>
      ) : null}
      {sendable ? (
        <form action={send}>
          <input type="hidden" name="orgSlug" value={props.orgSlug} />
          <input type="hidden" name="prepSheetId" value={props.prepSheetId!} />
          <Button type="submit" size="sm" variant="secondary" disabled={sending} aria-label={`Send to Epic: prep sheet for ${props.patientLabel}`}>
            <Send aria-hidden /> {sending ? "Sending…" : "Send to Epic"}
          </Button>
        </form>
      ) : null}
      {regenerated && !regenerated.ok ? <span role="alert" className="text-xs text-destructive">{regenerated.error.message}</span> : null}
      {sent && !sent.ok ? <span role="alert" className="text-xs text-destructive">{sent.error.message}</span> : null}
      {sent?.ok ? (
        <span role="status" className="text-xs text-muted-foreground" data-testid="row-write-back">
          {sendOutcome[sent.data.outcome === "skipped" ? (sent.data.reason ?? "") : sent.data.outcome] ?? "Nothing was written"}
        </span>
      ) : null}
    </div>
  );
}
