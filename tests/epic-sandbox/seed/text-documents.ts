/** Starts like a PDF and ends mid-stream: extraction must fail cleanly, not hang. */
export function corruptPdf(): Uint8Array {
  return new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Cou");
}

export function htmlDocument(title: string, lines: readonly string[]): string {
  const body = lines.map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("\n");
  return `<html><head><title>${title}</title></head><body><h1>${title}</h1>\n${body}\n</body></html>`;
}

export function rtfDocument(title: string, lines: readonly string[]): string {
  const esc = (s: string) => s.replace(/[\\{}]/g, (c) => `\\${c}`);
  return `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs22 {\\b ${esc(title)}}\\par\n${lines.map((l) => `${esc(l)}\\par`).join("\n")}\n}`;
}
