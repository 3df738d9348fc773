import { Badge } from "@/components/ui/badge";
import { buildRenderBlocks, type LabFlag, type PrepSheet, type RenderBlock } from "@/lib/prep-sheet";
import { ScreeningStatusBadge } from "../../patients/[patientId]/screening-status-badge";
import { describeDates } from "../../patients/[patientId]/describe-dates";
import { screeningApplies } from "@/lib/screening/describe-last-done";

const flagBadges: Record<LabFlag, { label: string; variant: "danger" | "warning" | "secondary" } | null> = {
  critical: { label: "Critical", variant: "danger" },
  high: { label: "High", variant: "warning" },
  low: { label: "Low", variant: "warning" },
  abnormal: { label: "Abnormal", variant: "warning" },
  normal: null,
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="break-inside-avoid-page grid gap-2" data-testid="prep-sheet-section">
      <h2 className="border-b pb-1 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

// Wide tables scroll sideways at tablet width; a scrolling box without links must be focusable (and
// named) so keyboard users can scroll it.
function ScrollBox({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
      {children}
    </div>
  );
}

function SimpleTable({ block }: { block: Extract<RenderBlock, { kind: "table" }> }) {
  if (block.rows.length === 0) return <p className="text-sm text-muted-foreground">{block.empty}</p>;
  return (
    <ScrollBox label={block.title}>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b text-xs text-muted-foreground">
            {block.columns.map((c) => <th key={c.label} scope="col" className="py-1 pr-3 font-medium">{c.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, i) => (
            <tr key={i} className="border-b last:border-0 align-top">
              {row.map((cell, j) => <td key={j} className="py-1 pr-3">{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function Block({ block, sheet }: { block: RenderBlock; sheet: PrepSheet }) {
  if (block.title === "Screening checklist") {
    if (sheet.screenings.length === 0) return <Section title={block.title}><p className="text-sm text-muted-foreground">{block.kind === "table" ? block.empty : null}</p></Section>;
    return (
      <Section title={block.title}>
        <ul className="grid gap-2">
          {sheet.screenings.map((s) => (
            <li key={s.key} className="rounded-md border p-2 text-sm" data-testid="sheet-screening">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium" data-testid="sheet-screening-name">{s.name}</span>
                <ScreeningStatusBadge status={s.status} />
              </div>
              <div className="text-xs text-muted-foreground" data-testid="sheet-screening-dates">{describeDates(s.lastCompleted, s.nextDue, screeningApplies(s.status))}</div>
              <p className="mt-1 text-xs" data-testid="sheet-screening-reason">{s.reason}</p>
              {s.evidence.length > 0 ? (
                <ul className="mt-1 list-disc pl-5 text-xs text-muted-foreground">
                  {s.evidence.map((e) => (
                    <li key={`${e.source}:${e.sourceId}`} data-testid="sheet-evidence">{e.source} {e.date ?? "undated"}: {e.label}{e.needsReview ? " (needs review)" : ""}</li>
                  ))}
                  {s.evidenceOmitted > 0 ? <li>+{s.evidenceOmitted} more</li> : null}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
    );
  }
  if (block.title === "Recent labs") {
    return (
      <Section title={block.title}>
        {sheet.labs.length === 0 ? <p className="text-sm text-muted-foreground">No lab results in the window.</p> : (
          <ScrollBox label={block.title}>
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b text-xs text-muted-foreground">
                  {["Date", "Test", "Result", "Unit", "Ref range", "Flag"].map((c) => <th key={c} scope="col" className="py-1 pr-3 font-medium">{c}</th>)}
                </tr>
              </thead>
              <tbody>
                {sheet.labs.map((l) => {
                  const flag = l.flag ? flagBadges[l.flag] : null;
                  return (
                    <tr key={l.ehrId} className="border-b last:border-0">
                      <td className="py-1 pr-3 tabular-nums">{l.date}</td>
                      <td className="py-1 pr-3">{l.name}</td>
                      <td className="py-1 pr-3 tabular-nums">{l.value}</td>
                      <td className="py-1 pr-3">{l.unit ?? "-"}</td>
                      <td className="py-1 pr-3">{l.referenceRange ?? "-"}</td>
                      <td className="py-1 pr-3">{flag ? <Badge variant={flag.variant}>{flag.label}</Badge> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </Section>
    );
  }
  switch (block.kind) {
    case "fields":
      return (
        <Section title={block.title}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {block.fields.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Section>
      );
    case "lines":
      return (
        <Section title={block.title}>
          <ul className="list-disc pl-5 text-sm">{block.lines.map((line, i) => <li key={i}>{line}</li>)}</ul>
        </Section>
      );
    case "table":
      return <Section title={block.title}><SimpleTable block={block} /></Section>;
    case "checklist":
      return (
        <Section title={block.title}>
          <ul className="grid gap-1 text-sm">{block.items.map((item, i) => <li key={i}><span aria-hidden>☐ </span>{item}</li>)}</ul>
        </Section>
      );
    case "notes":
      return (
        <Section title={block.title}>
          <div className="grid gap-5 pt-2" aria-hidden>{Array.from({ length: block.lines }, (_, i) => <div key={i} className="border-b" />)}</div>
        </Section>
      );
  }
}

/** The sheet as print-friendly HTML, from the same blocks as the PDF and the Epic note. */
export function PrepSheetDocument({ sheet }: { sheet: PrepSheet }) {
  return (
    <article className="grid gap-5 rounded-xl border bg-card p-6 print:border-0 print:p-0" data-testid="prep-sheet">
      {buildRenderBlocks(sheet).map((block) => <Block key={block.title} block={block} sheet={sheet} />)}
    </article>
  );
}
