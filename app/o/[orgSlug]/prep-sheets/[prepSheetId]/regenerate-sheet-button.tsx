"use client";
import { RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { regeneratePrepSheetAction } from "../../schedule/actions";

type State = Awaited<ReturnType<typeof regeneratePrepSheetAction>> | null;

/**
 * Rebuilds the visit's sheet from today's data (the schedule's job). The page refreshes until the
 * banner that holds this button goes: a newer version is listed, or the same content was confirmed current.
 */
export function RegenerateSheetButton({ orgSlug, appointmentId }: { orgSlug: string; appointmentId: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<State, FormData>(regeneratePrepSheetAction, null);
  const requested = state?.ok === true;
  useEffect(() => {
    if (!requested) return;
    const timer = setInterval(() => router.refresh(), 2000);
    const stop = setTimeout(() => clearInterval(timer), 120_000);
    return () => {
      clearInterval(timer);
      clearTimeout(stop);
    };
  }, [requested, router]);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <Button type="submit" size="sm" disabled={pending || requested}>
        <RotateCw aria-hidden className={requested ? "animate-spin" : undefined} /> {requested ? "Regenerating…" : "Regenerate"}
      </Button>
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
    </form>
  );
}
