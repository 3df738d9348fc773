type Row = { key: string; name: string; eligible: number; complete: number; rate: number };

/** Completion per screening type as plain bars; the table for screen readers holds the same numbers. */
export function CompletionBars({ rows, label }: { rows: Row[]; label: string }) {
  return (
    <figure className="grid gap-2">
      <ul className="grid gap-2" aria-hidden="true">
        {rows.map((r) => (
          <li key={r.key} className="grid grid-cols-[minmax(8rem,14rem)_1fr_7rem] items-center gap-3 text-sm">
            <span className="truncate">{r.name}</span>
            <span className="h-3 rounded bg-slate-200">
              <span className="block h-3 rounded bg-emerald-700" style={{ width: `${Math.round(r.rate * 100)}%` }} />
            </span>
            <span className="text-right tabular-nums">
              {Math.round(r.rate * 100)}% ({r.complete}/{r.eligible})
            </span>
          </li>
        ))}
      </ul>
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">Screening type</th>
            <th scope="col">Complete</th>
            <th scope="col">Eligible</th>
            <th scope="col">Completion rate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td>{r.complete}</td>
              <td>{r.eligible}</td>
              <td>{Math.round(r.rate * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="text-xs text-muted-foreground">{label}</figcaption>
    </figure>
  );
}
