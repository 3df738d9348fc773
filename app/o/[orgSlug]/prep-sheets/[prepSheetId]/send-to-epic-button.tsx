"use client";
import { Send } from "lucide-react";
import { useActionState } from "react";
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

export function SendToEpicButton({ orgSlug, prepSheetId }: { orgSlug: string; prepSheetId: string }) {
  const [state, action, pending] = useActionState<State, FormData>(sendToEpicAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="prepSheetId" value={prepSheetId} />
      <Button type="submit" size="sm" disabled={pending}>
        <Send aria-hidden /> {pending ? "Sending…" : "Send to Epic"}
      </Button>
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
      {state?.ok && state.data.outcome === "skipped" ? <span role="status" className="text-xs text-muted-foreground">{skipMessages[state.data.reason ?? ""] ?? "Nothing was written."}</span> : null}
    </form>
  );
}
