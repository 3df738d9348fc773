"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { ScreeningPresetOption } from "@/lib/screening-data/screening-presets";
import { applyPresetAction, previewPresetAction } from "./actions";
import { PreviewThenApply, usePreviewThenApply } from "./preview-then-apply";

export function PresetPanel({ orgSlug, presets }: { orgSlug: string; presets: ScreeningPresetOption[] }) {
  const [presetKey, setPresetKey] = useState(presets[0]?.key ?? "");
  const flow = usePreviewThenApply();
  const selected = presets.find((p) => p.key === presetKey);

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="preset">Preset</Label>
          <select
            id="preset"
            className="h-9 min-w-64 rounded-md border border-input bg-background px-2 text-sm"
            value={presetKey}
            onChange={(e) => {
              setPresetKey(e.target.value);
              flow.reset();
            }}
          >
            {presets.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name} (v{p.version}, {p.types} types)
              </option>
            ))}
          </select>
        </div>
        <Button type="button" variant="outline" onClick={() => flow.runPreview(() => previewPresetAction({ orgSlug, presetKey }))} disabled={flow.pending || !presetKey}>
          Preview changes
        </Button>
      </div>
      {selected ? <p className="text-xs text-muted-foreground">Source: {selected.source}</p> : null}
      <PreviewThenApply
        flow={flow}
        source="preset"
        applyLabel="Apply preset"
        onApply={() => flow.runApply((choices) => applyPresetAction({ orgSlug, presetKey, choices }), "Preset applied")}
        liveStatus
      />
    </div>
  );
}
