"use client";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApplyScreeningTypesResult, ScreeningTypeChoice } from "@/lib/screening-data/apply-screening-types";
import type { ScreeningTypesPreview } from "@/lib/screening-data/apply-preset-by-key";

export type Choices = Record<string, ScreeningTypeChoice>;

/** What an applied preset or import changed, as the status line says it. */
export function describeApplied(r: ApplyScreeningTypesResult): string {
  return `${r.added.length} added, ${r.overwritten.length} updated, ${r.skipped.length} kept as yours, ${r.unchanged.length} unchanged.`;
}

const selectClass = "h-8 rounded-md border border-input bg-background px-2 text-sm";

/** Counts of what applying would do with the current choices. */
export function previewCounts(preview: ScreeningTypesPreview, choices: Choices) {
  const changed = preview.items.filter((i) => i.change === "changed");
  const updated = changed.filter((i) => choices[i.key] === "overwrite").length;
  return {
    added: preview.items.filter((i) => i.change === "new").length,
    updated,
    kept: changed.length - updated,
    unchanged: preview.items.filter((i) => i.change === "identical").length,
  };
}

/** Type-by-type preview of a preset or import; a type that differs from the clinic's gets a keep/replace choice. */
export function ScreeningTypesPreviewTable({
  preview,
  choices,
  onChoice,
  source,
}: {
  preview: ScreeningTypesPreview;
  choices: Choices;
  onChoice: (key: string, choice: ScreeningTypeChoice) => void;
  source: string;
}) {
  const counts = previewCounts(preview, choices);
  return (
    <div className="grid gap-3">
      <p className="text-sm" data-testid="preview-summary">
        {counts.added} to add · {counts.updated} to update · {counts.kept} kept as yours · {counts.unchanged} unchanged
        {preview.untouched ? ` · ${preview.untouched} of your types not in this ${source} stay as they are` : ""}
      </p>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Screening type</TableHead>
            <TableHead>Change</TableHead>
            <TableHead>Versions (yours → {source})</TableHead>
            <TableHead>What to do</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.items.map((item) => (
            <TableRow key={item.key} data-testid="preview-row">
              <TableCell>
                <div className="font-medium">{item.name}</div>
                <div className="font-mono text-xs text-muted-foreground">{item.key}</div>
              </TableCell>
              <TableCell>
                {item.change === "new" ? <Badge variant="info">New</Badge> : null}
                {item.change === "identical" ? <Badge variant="secondary">Unchanged</Badge> : null}
                {item.change === "changed" ? <Badge variant="warning">Differs from yours</Badge> : null}
              </TableCell>
              <TableCell className="text-muted-foreground">
                {item.currentVersion === null ? "—" : `v${item.currentVersion}`} → v{item.incomingVersion}
              </TableCell>
              <TableCell>
                {item.change === "changed" ? (
                  <select
                    aria-label={`Choice for ${item.name}`}
                    className={selectClass}
                    value={choices[item.key] ?? "skip"}
                    onChange={(e) => onChoice(item.key, e.target.value as ScreeningTypeChoice)}
                  >
                    <option value="skip">Keep mine</option>
                    <option value="overwrite">Replace with the {source}&apos;s</option>
                  </select>
                ) : item.change === "new" ? (
                  <span className="text-sm">Will be added</span>
                ) : (
                  <span className="text-sm text-muted-foreground">Nothing</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
