"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { importScreeningTypesFileAction, previewScreeningTypesFileAction } from "./actions";
import { PreviewThenApply, usePreviewThenApply } from "./preview-then-apply";

// Matches the server's limit, so a large file is refused here instead of by the body-size limit.
const maxBytes = 900_000;

export function ImportPanel({ orgSlug }: { orgSlug: string }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState<string | null>(null);
  const flow = usePreviewThenApply();

  const runPreview = () =>
    flow.runPreview(async () => {
      const file = fileInput.current?.files?.[0];
      if (!file) return "Choose a JSON file first.";
      if (file.size > maxBytes) return "The file is larger than 900 KB.";
      const content = await file.text();
      setText(content);
      return previewScreeningTypesFileAction({ orgSlug, text: content });
    });

  const runImport = () => {
    if (text === null) return;
    flow.runApply((choices) => importScreeningTypesFileAction({ orgSlug, text, choices }), "Import applied", () => {
      setText(null);
      if (fileInput.current) fileInput.current.value = "";
    });
  };

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
            onChange={flow.reset}
          />
        </div>
        <Button type="button" variant="outline" onClick={runPreview} disabled={flow.pending}>
          Preview import
        </Button>
      </div>
      {/* The status region appears only with a message, so the preset panel's stays the page's only live status. */}
      <PreviewThenApply flow={flow} source="file" applyLabel="Import types" onApply={runImport} liveStatus={false} />
    </div>
  );
}
