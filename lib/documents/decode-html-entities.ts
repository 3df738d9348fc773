/** The named entities that actually occur in clinical HTML exports; unknown names are left as typed. */
const namedEntities: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", thinsp: " ",
  copy: "©", reg: "®", trade: "™", deg: "°", plusmn: "±", micro: "µ", middot: "·", times: "×",
  divide: "÷", frac12: "½", frac14: "¼", frac34: "¾", sup2: "²", sup3: "³", para: "¶", sect: "§",
  ndash: "–", mdash: "—", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", sbquo: "‚", bdquo: "„",
  hellip: "…", bull: "•", laquo: "«", raquo: "»", le: "≤", ge: "≥", ne: "≠", asymp: "≈", infin: "∞",
  larr: "←", rarr: "→", uarr: "↑", darr: "↓", harr: "↔", alpha: "α", beta: "β", gamma: "γ",
  delta: "δ", mu: "μ", pi: "π", sigma: "σ", omega: "ω", Delta: "Δ", euro: "€", pound: "£", cent: "¢",
  yen: "¥", iexcl: "¡", iquest: "¿", shy: "", zwnj: "", zwj: "", lrm: "", rlm: "",
  aacute: "á", eacute: "é", iacute: "í", oacute: "ó", uacute: "ú", ntilde: "ñ", uuml: "ü", ouml: "ö",
  auml: "ä", ccedil: "ç", egrave: "è", agrave: "à", Aacute: "Á", Eacute: "É", Iacute: "Í",
  Oacute: "Ó", Uacute: "Ú", Ntilde: "Ñ", Uuml: "Ü", Ouml: "Ö", Auml: "Ä", szlig: "ß",
};

function fromCodePoint(code: number): string {
  // Invalid, surrogate or NUL code points become U+FFFD like a browser does.
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(code);
}

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return fromCodePoint(Number.parseInt(body.slice(1), 10));
    return namedEntities[body] ?? whole;
  });
}
