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
  /** Phrase indices ending at node n, in phrase order: ends[endStart[n]] … ends[endStart[n + 1] − 1]. */
  endStart: Int32Array;
  ends: Int32Array;
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
  const terminals: (number[] | undefined)[] = [undefined];
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
  return renumberBreadthFirst(table, wide, terminals, nodes, compactPhrases.length);
}

/**
 * The trie with its nodes numbered breadth first, and its phrase ends in flat arrays. Almost every
 * walk ends within three or four characters, so numbering shallow nodes first keeps the rows a scan
 * reads in a few kilobytes at the front of the table: each step of a walk waits on the load of the
 * next row, and one that stays in the first-level cache is several times quicker than one that
 * misses it (most of the scan's time, measured on the bench's documents).
 */
function renumberBreadthFirst(
  table: Int32Array, wide: PhraseTrie["wide"], terminals: (number[] | undefined)[], nodes: number, size: number,
): PhraseTrie {
  const order = [0];
  const newId = new Int32Array(nodes).fill(-1);
  newId[0] = 0;
  for (let i = 0; i < order.length; i++) {
    const node = order[i] ?? 0;
    const visit = (child: number) => {
      if (child >= 0 && newId[child] === -1) {
        newId[child] = order.length;
        order.push(child);
      }
    };
    for (let symbol = 0; symbol < symbolCount; symbol++) visit(table[node * symbolCount + symbol] ?? -1);
    for (const child of wide[node]?.values() ?? []) visit(child);
  }
  const renumbered = new Int32Array(nodes * symbolCount).fill(-1);
  const renumberedWide: PhraseTrie["wide"] = new Array<Map<number, number> | undefined>(nodes).fill(undefined);
  // Flat arrays rather than a list per node: a scan tests every node it reaches for ends.
  const endStart = new Int32Array(nodes + 1);
  const ends: number[] = [];
  order.forEach((node, id) => {
    for (let symbol = 0; symbol < symbolCount; symbol++) {
      const child = table[node * symbolCount + symbol] ?? -1;
      if (child >= 0) renumbered[id * symbolCount + symbol] = newId[child] ?? -1;
    }
    const map = wide[node];
    if (map) renumberedWide[id] = new Map([...map].map(([code, child]) => [code, newId[child] ?? -1]));
    endStart[id] = ends.length;
    ends.push(...(terminals[node] ?? []));
  });
  endStart[nodes] = ends.length;
  return { table: nodes <= 0x7fff ? Int16Array.from(renumbered) : renumbered, wide: renumberedWide, endStart, ends: Int32Array.from(ends), size };
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
 * Hits of scanTokens, packed three numbers to a hit: phrase index, the token the phrase starts at,
 * and the token just after its end (tokenCount when it ends the text). Reused from text to text.
 */
export type TokenHits = { data: Int32Array; count: number };

export function createTokenHits(): TokenHits {
  return { data: new Int32Array(3 * 256), count: 0 };
}

/**
 * scanPhraseTrie for a layout that listed its token starts (ascending, as layoutIntoScratch records
 * them): the same hits in the same order, without testing every character for a boundary (a phrase
 * can end only where the next token starts) and without an object per hit.
 */
export function scanTokens(trie: PhraseTrie, codes: Uint16Array, length: number, tokens: Int32Array, tokenCount: number, out: TokenHits): void {
  const { table, wide, endStart, ends } = trie;
  let data = out.data;
  let count = 0;
  for (let t = 0; t < tokenCount; t++) {
    let next = t + 1;
    let nextStart = next < tokenCount ? (tokens[next] ?? length) : length;
    let node = 0;
    for (let j = tokens[t] ?? 0; j < length; j++) {
      const code = codes[j] ?? 0;
      const symbol = code < 128 ? (symbols[code] ?? -1) : -1;
      node = symbol >= 0 ? (table[node * symbolCount + symbol] ?? -1) : (wide[node]?.get(code) ?? -1);
      if (node < 0) break;
      if (j + 1 !== nextStart) continue;
      for (let e = endStart[node] ?? 0, last = endStart[node + 1] ?? 0; e < last; e++) {
        if (3 * count + 3 > data.length) {
          const bigger = new Int32Array(data.length * 2);
          bigger.set(data);
          data = bigger;
          out.data = data;
        }
        data[3 * count] = ends[e] ?? 0;
        data[3 * count + 1] = t;
        data[3 * count + 2] = next;
        count++;
      }
      next++;
      nextStart = next < tokenCount ? (tokens[next] ?? length) : length;
    }
  }
  out.count = count;
}

/** scanTokens with its hits as PhraseHit objects (compact offsets), as scanPhraseTrie returns them. */
export function scanPhraseTrieAtTokens(trie: PhraseTrie, codes: Uint16Array, length: number, tokens: Int32Array, tokenCount: number): PhraseHit[] {
  const out = createTokenHits();
  scanTokens(trie, codes, length, tokens, tokenCount, out);
  const hits: PhraseHit[] = [];
  for (let i = 0; i < out.count; i++) {
    const end = out.data[3 * i + 2] ?? 0;
    hits.push({ phraseIndex: out.data[3 * i] ?? 0, start: tokens[out.data[3 * i + 1] ?? 0] ?? 0, end: end < tokenCount ? (tokens[end] ?? 0) : length });
  }
  return hits;
}

function walkFrom(trie: PhraseTrie, codes: ArrayLike<number>, boundary: ArrayLike<boolean | number>, length: number, start: number, hits: PhraseHit[]): void {
  const { table, wide, endStart, ends } = trie;
  let node = 0;
  for (let j = start; j < length; j++) {
    const code = codes[j] ?? 0;
    const symbol = code < 128 ? (symbols[code] ?? -1) : -1;
    node = symbol >= 0 ? (table[node * symbolCount + symbol] ?? -1) : (wide[node]?.get(code) ?? -1);
    if (node < 0) return;
    if (!boundary[j + 1]) continue;
    for (let e = endStart[node] ?? 0, last = endStart[node + 1] ?? 0; e < last; e++) hits.push({ phraseIndex: ends[e] ?? 0, start, end: j + 1 });
  }
}
