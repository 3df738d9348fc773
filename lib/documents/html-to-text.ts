import { decodeHtmlEntities } from "./decode-html-entities";
import { normalizeExtractedText } from "./decode-text";

/** Elements whose content is never visible text (or is a second copy of it, like <title>). */
const hiddenElements = ["title", "noscript", "template", "svg", "math", "object", "iframe", "select"];
/** Raw-text elements: like a browser, an unclosed one runs to the end of the document. */
const rawTextElements = ["script", "style"];

const blockElements = new Set([
  "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
  "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "tr", "ul",
]);

/**
 * HTML → readable text, without a DOM. Good enough for clinical notes and letters: block elements
 * become line breaks, table cells tabs, and hidden content (scripts, styles, comments) is dropped.
 * Never executes or fetches anything.
 */
export function convertHtmlToText(html: string): string {
  let text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, " ").replace(/<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, " ");
  for (const name of rawTextElements) {
    text = text.replace(new RegExp(`<${name}\\b[^>]*>[\\s\\S]*?(?:</${name}\\s*>|$)`, "gi"), " ");
  }
  for (const name of hiddenElements) {
    text = text.replace(new RegExp(`<${name}\\b[^>]*>[\\s\\S]*?</${name}\\s*>`, "gi"), " ");
  }
  // Inside <pre> whitespace is meaningful; everywhere else runs of whitespace are one space.
  const parts = text.split(/(<pre\b[^>]*>[\s\S]*?<\/pre\s*>)/i);
  const converted = parts.map((part, i) => convertTags(part, i % 2 === 1));
  return normalizeExtractedText(converted.join(""));
}

function convertTags(fragment: string, preformatted: boolean): string {
  const collapsed = preformatted ? fragment : fragment.replace(/\s+/g, " ");
  const withBreaks = collapsed.replace(/<\/?([a-zA-Z][\w:-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<![^>]*>|<\?[^>]*>/g, (tag, name?: string) => {
    const lower = (name ?? "").toLowerCase();
    if (lower === "td" || lower === "th") return tag.startsWith("</") ? "" : "\t";
    return blockElements.has(lower) ? "\n" : "";
  });
  // A stray "<" that is not a tag is text; entities decode only after tags are gone.
  const decoded = decodeHtmlEntities(withBreaks);
  if (preformatted) return decoded;
  return decoded
    .replace(/ {2,}/g, " ")
    .split("\n")
    .map((line) => line.replace(/^[ \t]+| +$/g, "").replace(/ *\t */g, "\t"))
    .filter((line, i, lines) => line.length > 0 || i === 0 || i === lines.length - 1)
    .join("\n");
}
