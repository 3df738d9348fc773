/** A parsed XML element: enough to assert on FHIR XML in tests. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number(ref.slice(1)));
    const known = entities[ref];
    if (known === undefined) throw new Error(`unknown entity ${whole}`);
    return known;
  });
}

/**
 * A strict little XML reader for tests (no parser is installed): one root, balanced tags, quoted and
 * unique attributes, known entities, no stray `<` or `&` in text. Throws on anything malformed, so a
 * serialiser bug fails the test instead of slipping through a lenient parser.
 */
export function parseXml(xml: string): XmlNode {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: XmlNode[] = [{ name: "#document", attrs: {}, children: [] }];
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name = "", rawAttrs = "", selfClosing, text] = match;
    const top = stack.at(-1);
    if (!top) throw new Error("unbalanced XML");
    if (text !== undefined) {
      if (/&(?!(#x[0-9a-f]+|#\d+|\w+);)/i.test(text)) throw new Error(`stray & in text: ${text}`);
      decode(text);
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, key = "", value = ""] of rawAttrs.matchAll(/([A-Za-z_][\w.:-]*)="([^"]*)"/g)) {
      if (key in attrs) throw new Error(`duplicate attribute ${key} on <${name}>`);
      attrs[key] = decode(value);
    }
    const node: XmlNode = { name, attrs, children: [] };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (consumed !== body.length) throw new Error(`malformed XML at ${consumed}: ${body.slice(consumed, consumed + 60)}`);
  const [document] = stack;
  if (stack.length !== 1 || !document || document.children.length !== 1 || !document.children[0]) throw new Error("unbalanced XML or not one root");
  return document.children[0];
}

/** The first child named `name` (throws when missing, so assertions read straight). */
export function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
}
