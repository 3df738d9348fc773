"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { ScreeningTypesPreview } from "@/lib/screening-data/apply-preset-by-key";
import type { ScreeningPresetOption } from "@/lib/screening-data/screening-presets";
import { applyPresetAction, previewPresetAction } from "./actions";
import { type Choices, describeApplied, ScreeningTypesPreviewTable } from "./screening-types-preview";

type Message = { kind: "status" | "error"; text: string } | null;

export function PresetPanel({ orgSlug, presets }: { orgSlug: string; presets: ScreeningPresetOption[] }) {
  const [presetKey, setPresetKey] = useState(presets[0]?.key ?? "");
  const [preview, setPreview] = useState<ScreeningTypesPreview | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [message, setMessage] = useState<Message>(null);
  const [pending, startTransition] = useTransition();
  const selected = presets.find((p) => p.key === presetKey);

  const runPreview = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await previewPresetAction({ orgSlug, presetKey });
      if (!result.ok) return setMessage({ kind: "error", text: result.error.message });
      setPreview(result.data);
      setChoices({});
    });

  const apply = () =>
    startTransition(async () => {
      const result = await applyPresetAction({ orgSlug, presetKey, choices });
      if (!result.ok) return setMessage({ kind: "error", text: result.error.message });
      setPreview(null);
      setMessage({
        kind: "status",
        text: `Preset applied: ${describeApplied(result.data)}`,
      });
    });

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
              setPreview(null);
            }}
          >
            {presets.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name} (v{p.version}, {p.types} types)
              </option>
            ))}
          </select>
        </div>
        <Button type="button" variant="outline" onClick={runPreview} disabled={pending || !presetKey}>
          Preview changes
        </Button>
      </div>
      {selected ? <p className="text-xs text-muted-foreground">Source: {selected.source}</p> : null}
      {preview ? (
        <>
          <ScreeningTypesPreviewTable preview={preview} choices={choices} onChoice={(key, c) => setChoices((prev) => ({ ...prev, [key]: c }))} source="preset" />
          <div>
            <Button type="button" onClick={apply} disabled={pending}>
              Apply preset
            </Button>
          </div>
        </>
      ) : null}
      <div role="status" className="text-sm text-emerald-800">
        {message?.kind === "status" ? message.text : null}
      </div>
      {message?.kind === "error" ? (
        <p role="alert" className="text-sm text-destructive">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
