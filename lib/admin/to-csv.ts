/**
 * RFC 4180 CSV: every field quoted when it holds a comma, quote, CR or LF, quotes doubled, CRLF
 * line ends. A field starting with = + - @ (or tab/CR) is prefixed with ' so a spreadsheet does not
 * evaluate it as a formula (CSV injection).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
