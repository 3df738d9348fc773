"use client";
import { Send } from "lucide-react";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { sendToEpicAction } from "./actions";

type State = Awaited<ReturnType<typeof sendToEpicAction>> | null;

const skipMessages: Record<string, string> = {
  unchanged: "Epic already holds this version; nothing was written.",
  superseded: "Epic already holds this or a newer version of the sheet; nothing was written.",
  daily_cap: "Today's write limit for this patient is reached.",
  unsettled_write: "An earlier write is still being confirmed.",
  no_encounter: "The appointment has no Epic encounter to file the note against.",
  no_author: "The appointment has no provider to author the note.",
  dry_run: "Dry run: this clinic does not write to Epic.",
};

/**
 * "Send to Epic". For a sheet the page already knows is out of date (`outdatedReasons`), and for one
 * the server finds out of date at send time, the first click only shows why; sending that version
 * anyway takes a second, explicit confirmation, which the server audits.
 */
export function SendToEpicButton({ orgSlug, prepSheetId, outdatedReasons }: { orgSlug: string; prepSheetId: string; outdatedReasons: string[] }) {
  const [state, action, pending] = useActionState<State, FormData>(sendToEpicAction, null);
  const [asked, setAsked] = useState(false);
  const serverReasons = state?.ok && state.data.outcome === "outdated" ? state.data.reasons : [];
  const reasons = serverReasons.length > 0 ? serverReasons : asked ? outdatedReasons : [];
  const confirming = reasons.length > 0;
  return (
    <div className="grid justify-items-end gap-2">
      {confirming ? (
        <form action={(data) => { setAsked(false); action(data); }} role="alertdialog" aria-labelledby="send-outdated-title" className="grid max-w-md gap-2 rounded-md border border-amber-300 bg-card p-3 text-sm" data-testid="send-outdated-confirm">
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <input type="hidden" name="prepSheetId" value={prepSheetId} />
          <input type="hidden" name="confirmOutdated" value="true" />
          <p id="send-outdated-title" className="font-medium">This version is out of date.</p>
          <ul className="list-disc pl-5 text-xs">{reasons.map((r) => <li key={r}>{r}</li>)}</ul>
          <p className="text-xs text-muted-foreground">Regenerate to send what the record says now, or send this version anyway (recorded in the audit log).</p>
          <div className="flex justify-end gap-2">
            <Button type="button" size="sm" variant="outline" onClick={() => setAsked(false)} disabled={pending}>Cancel</Button>
            <Button type="submit" size="sm" variant="destructive" disabled={pending}>{pending ? "Sending…" : "Send this version anyway"}</Button>
          </div>
        </form>
      ) : outdatedReasons.length > 0 ? (
        <Button type="button" size="sm" variant="outline" onClick={() => setAsked(true)}>
          <Send aria-hidden /> Send to Epic…
        </Button>
      ) : (
        <form action={action} className="flex items-center gap-2">
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <input type="hidden" name="prepSheetId" value={prepSheetId} />
          <Button type="submit" size="sm" disabled={pending}>
            <Send aria-hidden /> {pending ? "Sending…" : "Send to Epic"}
          </Button>
        </form>
      )}
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
      {state?.ok && state.data.outcome === "skipped" ? <span role="status" className="text-xs text-muted-foreground">{skipMessages[state.data.reason ?? ""] ?? "Nothing was written."}</span> : null}
    </div>
  );
}
