/**
 * `text.replace(/\s+/g, " ").trim()`, without the regular expression for the text most quotes and
 * snippets are: plain ASCII whose whitespace is single spaces or line feeds, none next to another
 * and none at either end. That text only needs its line feeds turned into spaces (or nothing).
 */
export function collapseWhitespace(text: string): string {
  let previousSpace = true;
  let lineBreaks = false;
  for (let i = 0; i < text.length; i++) {
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
  if (previousSpace && text.length > 0) return slowCollapse(text);
  return lineBreaks ? text.replaceAll("\n", " ") : text;
}

function slowCollapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
