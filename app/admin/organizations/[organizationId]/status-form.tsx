"use client";
import { useActionState } from "react";
import { ActionMessage } from "@/app/_components/action-message";
import { Button } from "@/components/ui/button";
import { setOrganizationStatusAction } from "../actions";

type State = Awaited<ReturnType<typeof setOrganizationStatusAction>> | null;

/** Suspend or reactivate: one button whose label says what it will do. */
export function StatusForm({ organizationId, status }: { organizationId: string; status: "active" | "suspended" }) {
  const [state, action, pending] = useActionState<State, FormData>(setOrganizationStatusAction, null);
  const next = status === "active" ? "suspended" : "active";
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="status" value={next} />
      <Button type="submit" variant={next === "suspended" ? "destructive" : "default"} disabled={pending}>
        {next === "suspended" ? "Suspend clinic" : "Reactivate clinic"}
      </Button>
      <p className="text-sm text-muted-foreground">
        {next === "suspended"
          ? "Members lose access to the clinic's pages and its jobs stop running. Platform administrators keep access."
          : "Members regain access and jobs run again."}
      </p>
      <ActionMessage result={state} done={(data) => `Clinic ${data.status === "suspended" ? "suspended" : "reactivated"}`} />
    </form>
  );
}
