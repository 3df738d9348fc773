"use client";
import { RotateCw, Send } from "lucide-react";
import { startTransition, useActionState } from "react";
import { buttonVariants } from "@/components/ui/button";
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
  outdated: "Sheet out of date: open it to send",
};

// Worked out once, not per row and poll (see the note in RowActions).
const regenerateClass = buttonVariants({ variant: "outline", size: "sm" });
const sendClass = buttonVariants({ variant: "secondary", size: "sm" });

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

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
  // Buttons that dispatch client wrappers building the action's form data, not forms around the
  // server actions: React then renders no <form>, no no-JavaScript fallback (action id, bound state)
  // and no hidden fields for each of the page's 80 buttons, which buy nothing on a table that needs
  // JavaScript to poll anyway. Classes are precomputed and the icon shows only while something
  // happens: the schedule renders 40 of these per request and per poll.
  const [regenerated, regenerate, regenerating] = useActionState<RegenerateState>(
    (prev) => regeneratePrepSheetAction(prev, formOf({ orgSlug: props.orgSlug, appointmentId: props.appointmentId })),
    null,
  );
  const [sent, send, sending] = useActionState<SendState>(
    (prev) => sendToEpicAction(prev, formOf({ orgSlug: props.orgSlug, prepSheetId: props.prepSheetId ?? "" })),
    null,
  );
  const preparing = props.prepStatus === "in_progress";
  // Same job either way; the word says whether a sheet exists yet.
  const verb = props.prepSheetId ? "Regenerate" : "Prepare";
  const sendable = props.canWriteBack && props.prepStatus === "ready" && props.prepSheetId;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {props.canGenerate ? (
        <button type="button" className={regenerateClass} disabled={regenerating || preparing} onClick={() => startTransition(regenerate)} aria-label={`${verb} prep sheet for ${props.patientLabel}`}>
          {regenerating ? <RotateCw aria-hidden className="animate-spin" /> : null}
          {verb}
        </button>
      ) : null}
      {sendable ? (
        <button type="button" className={sendClass} disabled={sending} onClick={() => startTransition(send)} aria-label={`Send to Epic: prep sheet for ${props.patientLabel}`}>
          {sending ? <Send aria-hidden /> : null}
          {sending ? "Sending…" : "Send to Epic"}
        </button>
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
