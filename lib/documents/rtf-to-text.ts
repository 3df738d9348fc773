import { normalizeExtractedText } from "./decode-text";

/** Destinations whose content is metadata or formatting, never body text. */
const skippedDestinations = new Set([
  "fonttbl", "colortbl", "stylesheet", "info", "listtable", "listoverridetable", "revtbl", "rsidtbl",
  "generator", "pict", "object", "header", "headerl", "headerr", "headerf", "footer", "footerl",
  "footerr", "footerf", "fldinst", "themedata", "colorschememapping", "datastore", "latentstyles",
  "xmlnstbl", "filetbl", "mmathPr", "pgdsctbl", "operator", "title", "author", "company", "nonshppict",
]);

const breakWords: Record<string, string> = { par: "\n", line: "\n", sect: "\n\n", page: "\n\n", row: "\n", cell: "\t", tab: "\t" };
const symbolWords: Record<string, string> = {
  emdash: "\u2014", endash: "\u2013", lquote: "\u2018", rquote: "\u2019", ldblquote: "\u201c",
  rdblquote: "\u201d", bullet: "\u2022", emspace: " ", enspace: " ", qmspace: " ",
};

type Group = { skip: boolean; unicodeSkip: number };

/**
 * RTF → plain text with a single-pass tokenizer: control words, groups and the destinations above
 * are skipped, `\'hh` bytes decode with the document's ANSI code page, `\uN` with its fallback skip.
 */
export function convertRtfToText(rtf: string): string {
  const codePage = /\\ansicpg(\d+)/.exec(rtf.slice(0, 4096))?.[1] ?? "1252";
  const decoder = createByteDecoder(codePage);
  const stack: Group[] = [];
  let group: Group = { skip: false, unicodeSkip: 1 };
  let out = "";
  let pendingBytes: number[] = [];
  let skipFallback = 0;
  const flush = () => {
    if (pendingBytes.length > 0) out += decoder(Uint8Array.from(pendingBytes));
    pendingBytes = [];
  };
  const emit = (text: string) => {
    flush();
    if (!group.skip) out += text;
  };
  const token = /\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([\r\n]+)|([^\\{}\r\n]+)/g;
  for (let m = token.exec(rtf); m; m = token.exec(rtf)) {
    const [, word, param, hex, symbol, brace, , literal] = m;
    if (skipFallback > 0 && !brace) {
      // The characters after \uN are a fallback for old readers; one unit each (a \'hh counts as one).
      if (literal) {
        const skipped = Math.min(skipFallback, literal.length);
        skipFallback -= skipped;
        if (skipped < literal.length) emit(literal.slice(skipped));
        continue;
      }
      if (hex || symbol || word) {
        skipFallback--;
        continue;
      }
    }
    if (brace === "{") {
      flush();
      stack.push(group);
      group = { ...group };
    } else if (brace === "}") {
      flush();
      group = stack.pop() ?? { skip: false, unicodeSkip: 1 };
    } else if (hex) {
      if (!group.skip) pendingBytes.push(Number.parseInt(hex, 16));
    } else if (symbol) {
      if (symbol === "*") group.skip = true;
      else if (symbol === "~") emit(" ");
      else if (symbol === "_") emit("-");
      else if (symbol === "\\" || symbol === "{" || symbol === "}") emit(symbol);
      else if (symbol === "\n" || symbol === "\r") emit("\n");
    } else if (word) {
      if (skippedDestinations.has(word)) group.skip = true;
      else if (word === "uc") group.unicodeSkip = Number(param ?? 1);
      else if (word === "u") {
        const code = Number(param ?? 0);
        emit(String.fromCharCode(code < 0 ? code + 65536 : code));
        skipFallback = group.unicodeSkip;
      } else if (word === "bin") token.lastIndex += Math.max(0, Number(param ?? 0));
      else if (breakWords[word]) emit(breakWords[word]);
      else if (symbolWords[word]) emit(symbolWords[word]);
    } else if (literal) {
      emit(literal);
    }
  }
  flush();
  return normalizeExtractedText(out);
}

function createByteDecoder(codePage: string): (bytes: Uint8Array) => string {
  try {
    const decoder = new TextDecoder(`windows-${codePage}`);
    return (bytes) => decoder.decode(bytes);
  } catch {
    const fallback = new TextDecoder("windows-1252");
    return (bytes) => fallback.decode(bytes);
  }
}
