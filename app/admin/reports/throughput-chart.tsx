/** Prep sheets per day as SVG bars; the sibling table carries the same numbers for screen readers. */
export function ThroughputChart({ series, label }: { series: { day: string; count: number }[]; label: string }) {
  const max = Math.max(1, ...series.map((d) => d.count));
  const barWidth = 24;
  const gap = 8;
  const height = 120;
  const width = series.length * (barWidth + gap);
  return (
    <figure className="grid gap-2">
      <svg viewBox={`0 0 ${width} ${height + 34}`} className="h-44 w-full max-w-xl" aria-hidden="true" focusable="false">
        {series.map((d, i) => {
          const h = Math.round((d.count / max) * height);
          const x = i * (barWidth + gap);
          return (
            <g key={d.day}>
              <rect x={x} y={height - h} width={barWidth} height={Math.max(h, d.count > 0 ? 2 : 0)} rx={3} className="fill-sky-700" />
              <line x1={x} x2={x + barWidth} y1={height + 0.5} y2={height + 0.5} className="stroke-slate-300" />
              <text x={x + barWidth / 2} y={height - h - 4} textAnchor="middle" className="fill-slate-800 text-[10px]">
                {d.count > 0 ? d.count : ""}
              </text>
              <text x={x + barWidth / 2} y={height + 14} textAnchor="middle" className="fill-slate-700 text-[9px]">
                {d.day.slice(8)}
              </text>
            </g>
          );
        })}
        <text x={0} y={height + 30} className="fill-slate-700 text-[9px]">
          {series[0]?.day} – {series.at(-1)?.day}
        </text>
      </svg>
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Prep sheets</th>
          </tr>
        </thead>
        <tbody>
          {series.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="text-xs text-muted-foreground">{label}</figcaption>
    </figure>
  );
}
