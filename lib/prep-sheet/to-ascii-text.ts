/**
 * Plain-ASCII text for the Epic note and the fallback for glyphs a PDF font lacks. Epic's text/plain
 * notes are shown in fixed-width viewers and some interfaces mangle non-ASCII, so we transliterate
 * rather than risk mojibake in the chart.
 */
const replacements: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201C": '"', "\u201D": '"', "\u201E": '"',
  "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2026": "...",
  "\u2022": "*", "\u00B7": "*", "\u2265": ">=", "\u2264": "<=", "\u00B1": "+/-", "\u00D7": "x",
  "\u00B5": "u", "\u03BC": "u", "\u00B0": " deg", "\u00BD": "1/2", "\u00BC": "1/4", "\u00BE": "3/4",
  "\u00DF": "ss", "\u00C6": "AE", "\u00E6": "ae", "\u00D8": "O", "\u00F8": "o", "\u0141": "L", "\u0142": "l",
  "\u2122": "(TM)", "\u00AE": "(R)", "\u00A9": "(C)", "\u20AC": "EUR",
};

export function toAsciiChar(char: string): string {
  const mapped = replacements[char];
  if (mapped !== undefined) return mapped;
  if (/\s/.test(char)) return " ";
  const stripped = char.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return /^[\x20-\x7E]+$/.test(stripped) ? stripped : "?";
}

export function toAsciiText(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    out += code >= 0x20 && code <= 0x7e ? char : toAsciiChar(char);
  }
  return out;
}
