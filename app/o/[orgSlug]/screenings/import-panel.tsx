"use client";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { ScreeningTypesPreview } from "@/lib/screening-data/apply-preset-by-key";
import { importScreeningTypesFileAction, previewScreeningTypesFileAction } from "./actions";
import { type Choices, describeApplied, ScreeningTypesPreviewTable } from "./screening-types-preview";

type Message = { kind: "status" | "error"; text: string } | null;
// Matches the server's limit, so a large file is refused here instead of by the body-size limit.
const maxBytes = 900_000;

export function ImportPanel({ orgSlug }: { orgSlug: string }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<ScreeningTypesPreview | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [message, setMessage] = useState<Message>(null);
  const [pending, startTransition] = useTransition();

  const runPreview = () =>
    startTransition(async () => {
      setMessage(null);
      setPreview(null);
      const file = fileInput.current?.files?.[0];
      if (!file) return setMessage({ kind: "error", text: "Choose a JSON file first." });
      if (file.size > maxBytes) return setMessage({ kind: "error", text: "The file is larger than 900 KB." });
      const content = await file.text();
      const result = await previewScreeningTypesFileAction({ orgSlug, text: content });
      if (!result.ok) return setMessage({ kind: "error", text: result.error.message });
      setText(content);
      setPreview(result.data);
      setChoices({});
    });

  const runImport = () =>
    startTransition(async () => {
      if (text === null) return;
      const result = await importScreeningTypesFileAction({ orgSlug, text, choices });
      if (!result.ok) return setMessage({ kind: "error", text: result.error.message });
      setPreview(null);
      setText(null);
      if (fileInput.current) fileInput.current.value = "";
      setMessage({
        kind: "status",
        text: `Import applied: ${describeApplied(result.data)}`,
      });
    });

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="import-file">Screening types JSON file</Label>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept="application/json,.json"
            className="text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-background file:px-3 file:py-1.5 file:text-sm"
            onChange={() => {
              setPreview(null);
              setMessage(null);
            }}
          />
        </div>
        <Button type="button" variant="outline" onClick={runPreview} disabled={pending}>
          Preview import
        </Button>
      </div>
      {preview ? (
        <>
          <ScreeningTypesPreviewTable preview={preview} choices={choices} onChoice={(key, c) => setChoices((prev) => ({ ...prev, [key]: c }))} source="file" />
          <div>
            <Button type="button" onClick={runImport} disabled={pending}>
              Import types
            </Button>
          </div>
        </>
      ) : null}
      {/* Rendered only with a message, so the preset panel's status stays the page's only live status. */}
      {message?.kind === "status" ? (
        <p role="status" className="text-sm text-emerald-800">
          {message.text}
        </p>
      ) : null}
      {message?.kind === "error" ? (
        <p role="alert" className="text-sm text-destructive">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
