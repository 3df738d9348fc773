/**
 * Greedy word wrap against any width measure (characters for the text note, points for the PDF).
 * A word wider than the line is broken by characters, so no line ever exceeds `maxWidth` and long
 * identifiers or URLs cannot push a table off the page.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number = (s) => s.length, firstLineWidth = maxWidth): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    const width = lines.length === 0 ? firstLineWidth : maxWidth;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    // A word too wide for the (shorter) first line starts on the next one before it is broken.
    if (lines.length === 0 && measure(word) > firstLineWidth && measure(word) <= maxWidth) {
      lines.push("");
      line = word;
      continue;
    }
    for (const piece of breakWord(word, maxWidth, measure)) {
      if (line) lines.push(line);
      line = piece;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

function breakWord(word: string, maxWidth: number, measure: (s: string) => number): string[] {
  if (measure(word) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = "";
  for (const char of word) {
    // Always take at least one character so a too-narrow column cannot loop forever.
    if (piece && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = "";
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
