"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ApplyScreeningTypesResult, ScreeningTypeChoice } from "@/lib/screening-data/apply-screening-types";
import type { ScreeningTypesPreview } from "@/lib/screening-data/apply-preset-by-key";
import { type Choices, describeApplied, ScreeningTypesPreviewTable } from "./screening-types-preview";

type Answer<T> = { ok: true; data: T } | { ok: false; error: { message: string } };
type Message = { kind: "status" | "error"; text: string } | null;

/**
 * Preview, choose per type, then apply: the flow a preset and an imported file share. A preview
 * writes nothing; applying sends the choices made on it and says what changed.
 */
export function usePreviewThenApply() {
  const [preview, setPreview] = useState<ScreeningTypesPreview | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [message, setMessage] = useState<Message>(null);
  const [pending, startTransition] = useTransition();
  return {
    preview,
    choices,
    message,
    pending,
    choose: (key: string, choice: ScreeningTypeChoice) => setChoices((prev) => ({ ...prev, [key]: choice })),
    /** The source changed: its old preview and message no longer apply. */
    reset: () => {
      setPreview(null);
      setMessage(null);
    },
    /** `load` answers the preview action's result, or a refusal of its own in plain words. */
    runPreview: (load: () => Promise<Answer<ScreeningTypesPreview> | string>) =>
      startTransition(async () => {
        setMessage(null);
        setPreview(null);
        const result = await load();
        if (typeof result === "string") return setMessage({ kind: "error", text: result });
        if (!result.ok) return setMessage({ kind: "error", text: result.error.message });
        setPreview(result.data);
        setChoices({});
      }),
    runApply: (send: (choices: Choices) => Promise<Answer<ApplyScreeningTypesResult>>, done: string, after?: () => void) =>
      startTransition(async () => {
        const result = await send(choices);
        if (!result.ok) return setMessage({ kind: "error", text: result.error.message });
        setPreview(null);
        after?.();
        setMessage({ kind: "status", text: `${done}: ${describeApplied(result.data)}` });
      }),
  };
}

/**
 * The preview table with its apply button, then the flow's answer. `liveStatus`: the status region is
 * always present (the page's one live status); otherwise it appears only with a message.
 */
export function PreviewThenApply(props: { flow: ReturnType<typeof usePreviewThenApply>; source: string; applyLabel: string; onApply: () => void; liveStatus: boolean }) {
  const { flow } = props;
  const status = flow.message?.kind === "status" ? flow.message.text : null;
  return (
    <>
      {flow.preview ? (
        <>
          <ScreeningTypesPreviewTable preview={flow.preview} choices={flow.choices} onChoice={flow.choose} source={props.source} />
          <div>
            <Button type="button" onClick={props.onApply} disabled={flow.pending}>
              {props.applyLabel}
            </Button>
          </div>
        </>
      ) : null}
      {props.liveStatus || status ? (
        <p role="status" className="text-sm text-emerald-800">
          {status}
        </p>
      ) : null}
      {flow.message?.kind === "error" ? (
        <p role="alert" className="text-sm text-destructive">
          {flow.message.text}
        </p>
      ) : null}
    </>
  );
}
