"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { retryJobRunAction } from "../jobs/actions";

type State = Awaited<ReturnType<typeof retryJobRunAction>> | null;

export function RetryButton({ jobRunId, label }: { jobRunId: string; label: string }) {
  const [state, action, pending] = useActionState<State, FormData>(retryJobRunAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="jobRunId" value={jobRunId} />
      <Button type="submit" size="sm" variant="outline" disabled={pending || state?.ok === true} aria-label={`Retry ${label}`}>
        {state?.ok ? "Sent" : "Retry"}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-destructive">
          {state.error.message}
        </span>
      ) : null}
      {state?.ok ? <span role="status" className="sr-only">Retry sent</span> : null}
    </form>
  );
}
