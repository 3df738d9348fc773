/**
 * Sorting helpers. Every section sorts with a total order — its own keys, then the whole row as JSON —
 * so the sheet (and the PDF bytes) never depend on the order Epic or the database returned rows in.
 */
export function compareText(a: string | null, b: string | null): number {
  // Nulls last; plain code-unit order, because localeCompare varies with the ICU build.
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareTextDesc(a: string | null, b: string | null): number {
  if (a === null || b === null) return compareText(a, b);
  return compareText(b, a);
}

export function compareFolded(a: string, b: string): number {
  return compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b);
}

export function sortRows<T>(rows: readonly T[], ...comparators: ((a: T, b: T) => number)[]): T[] {
  const keyed = rows.map((row) => ({ row, json: JSON.stringify(row) }));
  keyed.sort((a, b) => {
    for (const compare of comparators) {
      const result = compare(a.row, b.row);
      if (result !== 0) return result;
    }
    return compareText(a.json, b.json);
  });
  return keyed.map((k) => k.row);
}
