/**
 * `text.replace(/\s+/g, " ").trim()`, without the regular expression for the text most quotes and
 * snippets are: plain ASCII whose inner whitespace is single spaces or line feeds (any ASCII
 * whitespace at either end is trimmed). That text only needs its line feeds turned into spaces.
 */
export function collapseWhitespace(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isAsciiSpace(text.charCodeAt(from))) from++;
  while (to > from && isAsciiSpace(text.charCodeAt(to - 1))) to--;
  let previousSpace = false;
  let lineBreaks = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 10) {
      if (previousSpace) return slowCollapse(text);
      previousSpace = true;
      if (code === 10) lineBreaks = true;
    } else {
      if (code >= 128 || (code >= 9 && code <= 13)) return slowCollapse(text);
      previousSpace = false;
    }
  }
  const body = from === 0 && to === text.length ? text : text.slice(from, to);
  return lineBreaks ? body.replaceAll("\n", " ") : body;
}

function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function slowCollapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
