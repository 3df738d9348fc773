/**
 * A character trie over compact phrases, scanned once per text from every token boundary. This is the
 * "compile once" keyword automaton: cost grows with text length times the longest phrase, not with
 * the number of keywords, and no per-keyword regular expressions are built. Transitions on a–z and
 * 0–9 (nearly every compact character) sit in one flat table; other folded characters use a map.
 */
export type PhraseTrie = {
  /**
   * next node for (node, symbol) at node * symbolCount + symbol; -1 when absent. 16-bit when the
   * trie has fewer than 32,768 nodes (always, for realistic keyword lists): scans are bound by this
   * table's cache misses, and half the bytes measurably speeds them up.
   */
  table: Int16Array | Int32Array;
  /** Transitions on non-ASCII characters, by node. */
  wide: (Map<number, number> | undefined)[];
  /** Phrase indices ending at each node, in phrase order. */
  terminals: (number[] | undefined)[];
  size: number;
};
export type PhraseHit = { phraseIndex: number; start: number; end: number };
/** What a scan needs from normalised text: compact UTF-16 units and token boundaries. */
export type ScannableText = { codes: ArrayLike<number>; boundary: ArrayLike<boolean | number> };

const symbolCount = 36;
const symbols = new Int8Array(128).fill(-1);
for (let code = 48; code <= 57; code++) symbols[code] = code - 48 + 26;
for (let code = 97; code <= 122; code++) symbols[code] = code - 97;

const surrogatePair = /[\ud800-\udbff][\udc00-\udfff]/;

export function buildPhraseTrie(compactPhrases: readonly string[]): PhraseTrie {
  let table = new Int32Array(symbolCount * 16).fill(-1);
  const wide: PhraseTrie["wide"] = [undefined];
  const terminals: PhraseTrie["terminals"] = [undefined];
  let nodes = 1;
  const addNode = () => {
    if ((nodes + 1) * symbolCount > table.length) {
      const bigger = new Int32Array(table.length * 2).fill(-1);
      bigger.set(table);
      table = bigger;
    }
    wide.push(undefined);
    terminals.push(undefined);
    return nodes++;
  };
  compactPhrases.forEach((phrase, index) => {
    // Scans step one UTF-16 unit at a time, so a phrase holding an astral character (a surrogate
    // pair) can never match; it is left out rather than half-matched.
    if (phrase.length === 0 || surrogatePair.test(phrase)) return;
    let node = 0;
    for (let i = 0; i < phrase.length; i++) {
      const code = phrase.charCodeAt(i);
      const symbol = code < 128 ? (symbols[code] ?? -1) : -1;
      if (symbol >= 0) {
        const slot = node * symbolCount + symbol;
        let child = table[slot] ?? -1;
        if (child < 0) {
          child = addNode();
          table[slot] = child;
        }
        node = child;
      } else {
        const map = wide[node] ?? new Map<number, number>();
        wide[node] = map;
        let child = map.get(code);
        if (child === undefined) {
          child = addNode();
          map.set(code, child);
        }
        node = child;
      }
    }
    const list = terminals[node] ?? [];
    list.push(index);
    terminals[node] = list;
  });
  const used = table.subarray(0, nodes * symbolCount);
  return { table: nodes <= 0x7fff ? Int16Array.from(used) : used.slice(), wide, terminals, size: compactPhrases.length };
}

/** Every phrase occurrence that starts and ends on a token boundary, in text order. */
export function scanPhraseTrie(trie: PhraseTrie, text: ScannableText): PhraseHit[] {
  const hits: PhraseHit[] = [];
  const { codes, boundary } = text;
  const length = codes.length;
  for (let start = 0; start < length; start++) {
    if (boundary[start]) walkFrom(trie, codes, boundary, length, start, hits);
  }
  return hits;
}

/**
 * scanPhraseTrie for a layout that listed its token starts (ascending, as layoutIntoScratch records
 * them): the same hits in the same order, without testing every character for a boundary.
 */
export function scanPhraseTrieAtTokens(
  trie: PhraseTrie, codes: Uint16Array, boundary: Uint8Array, length: number, tokens: Int32Array, tokenCount: number,
): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (let t = 0; t < tokenCount; t++) walkFrom(trie, codes, boundary, length, tokens[t] ?? 0, hits);
  return hits;
}

function walkFrom(trie: PhraseTrie, codes: ArrayLike<number>, boundary: ArrayLike<boolean | number>, length: number, start: number, hits: PhraseHit[]): void {
  const { table, wide, terminals } = trie;
  let node = 0;
  for (let j = start; j < length; j++) {
    const code = codes[j] ?? 0;
    const symbol = code < 128 ? (symbols[code] ?? -1) : -1;
    node = symbol >= 0 ? (table[node * symbolCount + symbol] ?? -1) : (wide[node]?.get(code) ?? -1);
    if (node < 0) return;
    const ends = terminals[node];
    if (ends !== undefined && boundary[j + 1]) {
      for (const phraseIndex of ends) hits.push({ phraseIndex, start, end: j + 1 });
    }
  }
}
