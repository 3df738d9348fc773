/**
 * Greedy word wrap against any width measure (characters for the text note, points for the PDF).
 * A word wider than the line is broken by characters, so no line ever exceeds `maxWidth` and long
 * identifiers or URLs cannot push a table off the page.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number = (s) => s.length): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
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
