import { buildRenderBlocks, describePatient, screeningsTitle, type PrepSheet, type RenderBlock, type ScreeningRow } from "@/lib/prep-sheet";
import { ScreeningStatusBadge } from "../../patients/[patientId]/screening-status-badge";

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

type Table = Extract<RenderBlock, { kind: "table" }>;

function TableHead({ block }: { block: Table }) {
  return (
    <thead>
      <tr className="border-b text-xs text-muted-foreground">
        {block.columns.map((c) => <th key={c.label} scope="col" className="py-1 pr-3 font-medium">{c.label}</th>)}
      </tr>
    </thead>
  );
}

function SimpleTable({ block }: { block: Table }) {
  if (block.rows.length === 0) return <p className="text-sm text-muted-foreground">{block.empty}</p>;
  return (
    <ScrollBox label={block.title}>
      <table className="w-full text-left text-sm">
        <TableHead block={block} />
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

/** The engine's full reasoning and every evidence item with its record id: for whoever audits the sheet, never printed. */
function ScreeningDetails({ screening }: { screening: ScreeningRow }) {
  return (
    <details className="mt-1 text-xs text-muted-foreground print:hidden">
      <summary className="cursor-pointer select-none">Details</summary>
      <p className="mt-1" data-testid="sheet-screening-reason">{screening.reason}</p>
      {screening.evidence.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {screening.evidence.map((e) => (
            <li key={`${e.source}:${e.sourceId}`} data-testid="sheet-evidence">
              {e.source} {e.date ?? "undated"}: {e.label}{e.needsReview ? ` (needs review${e.check ? `: ${e.check}` : ""})` : ""} <span className="font-mono">[{e.sourceId}]</span>
            </li>
          ))}
          {screening.evidenceOmitted > 0 ? <li>{screening.evidenceOmitted} older item(s) not kept on the sheet</li> : null}
        </ul>
      ) : null}
    </details>
  );
}

/** One compact row per screening, the same cells as paper, with the audit detail folded under the evidence. */
function ScreeningTable({ block, sheet }: { block: Table; sheet: PrepSheet }) {
  if (sheet.screenings.length === 0) return <p className="text-sm text-muted-foreground">{block.empty}</p>;
  return (
    <ScrollBox label={block.title}>
      <table className="w-full text-left text-sm">
        <TableHead block={block} />
        <tbody>
          {sheet.screenings.map((s, i) => {
            const [name, , lastDone, due, evidence] = block.rows[i] ?? [];
            return (
              <tr key={s.key} className="border-b last:border-0 align-top" data-testid="sheet-screening">
                <td className="py-1 pr-3 font-medium" data-testid="sheet-screening-name">{name}</td>
                <td className="py-1 pr-3"><ScreeningStatusBadge status={s.status} /></td>
                <td className="py-1 pr-3 whitespace-nowrap tabular-nums" data-testid="sheet-screening-last-done">{lastDone}</td>
                <td className="py-1 pr-3 whitespace-nowrap tabular-nums" data-testid="sheet-screening-due">{due}</td>
                <td className="py-1 pr-3">
                  <span data-testid="sheet-screening-evidence">{evidence}</span>
                  <ScreeningDetails screening={s} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function Block({ block, sheet }: { block: RenderBlock; sheet: PrepSheet }) {
  switch (block.kind) {
    case "summary":
      return (
        <section className="grid gap-1 rounded-md bg-muted p-3 text-sm" aria-label={block.title} data-testid="sheet-summary">
          {block.lines.map((line, i) => {
            const split = line.indexOf(": ");
            return split === -1 ? <p key={i} className="font-semibold">{line}</p> : <p key={i}><strong>{line.slice(0, split + 1)}</strong> {line.slice(split + 2)}</p>;
          })}
        </section>
      );
    case "paragraph":
      return <p className="text-sm" data-testid="prep-sheet-paragraph"><strong>{block.title}:</strong> {block.text}</p>;
    case "fields":
      return (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {block.fields.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      );
    case "lines":
      return (
        <Section title={block.title}>
          <ul className="list-disc pl-5 text-sm">{block.lines.map((line, i) => <li key={i}>{line}</li>)}</ul>
        </Section>
      );
    case "table":
      return <Section title={block.title}>{block.title === screeningsTitle ? <ScreeningTable block={block} sheet={sheet} /> : <SimpleTable block={block} />}</Section>;
    case "checklist":
      return (
        <Section title={block.title}>
          <ul className="grid gap-1 text-sm sm:grid-cols-2">{block.items.map((item, i) => <li key={i}><span aria-hidden>☐ </span>{item}</li>)}</ul>
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
    <article className="grid gap-4 rounded-xl border bg-card p-6 print:border-0 print:p-0" data-testid="prep-sheet">
      <p className="text-sm font-medium" data-testid="sheet-patient">{describePatient(sheet)}</p>
      {buildRenderBlocks(sheet).map((block) => <Block key={block.title} block={block} sheet={sheet} />)}
    </article>
  );
}
