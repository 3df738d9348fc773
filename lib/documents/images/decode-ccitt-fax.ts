import {
  blackMakeUp,
  blackTerminating,
  extendedMakeUp,
  twoDimensionalModes,
  whiteMakeUp,
  whiteTerminating,
  type TwoDimensionalMode,
} from "./ccitt-codes";

/**
 * `g4`: T.6 (TIFF compression 4). `g3`: T.4 with EOLs (compression 3), one- or two-dimensional.
 * `rle`: Modified Huffman rows padded to a byte, no EOLs (compression 2).
 */
export type CcittMode = "g4" | "g3" | "rle";

export type CcittOptions = {
  width: number;
  rows: number;
  mode: CcittMode;
  /** T4Options bit 0: rows may be coded two-dimensionally (each row then starts with a tag bit). */
  twoDimensional?: boolean;
  /** FillOrder 2: the first pixel sits in each byte's lowest bit. */
  lsbFirst?: boolean;
};

type Trie<T> = { zero?: Trie<T>; one?: Trie<T>; value?: T };

function buildTrie<T>(codes: [string, T][]): Trie<T> {
  const root: Trie<T> = {};
  for (const [code, value] of codes) {
    let node = root;
    for (const bit of code) node = bit === "1" ? (node.one ??= {}) : (node.zero ??= {});
    node.value = value;
  }
  return root;
}

function runCodes(terminating: string[], makeUp: string[]): [string, number][] {
  return [
    ...terminating.map((code, run): [string, number] => [code, run]),
    ...makeUp.map((code, i): [string, number] => [code, (i + 1) * 64]),
    ...extendedMakeUp.map((code, i): [string, number] => [code, 1792 + i * 64]),
  ];
}

let tries: { white: Trie<number>; black: Trie<number>; modes: Trie<TwoDimensionalMode> } | undefined;
const getTries = () =>
  (tries ??= {
    white: buildTrie(runCodes(whiteTerminating, whiteMakeUp)),
    black: buildTrie(runCodes(blackTerminating, blackMakeUp)),
    modes: buildTrie(Object.entries(twoDimensionalModes)),
  });

class BadCode extends Error {}

function createBitReader(data: Uint8Array, lsbFirst: boolean) {
  let position = 0;
  const total = data.length * 8;
  const bit = (at: number) => {
    const byte = data[at >> 3] ?? 0;
    return lsbFirst ? (byte >> (at & 7)) & 1 : (byte >> (7 - (at & 7))) & 1;
  };
  return {
    get done() {
      return position >= total;
    },
    read<T>(trie: Trie<T>): T {
      let node: Trie<T> | undefined = trie;
      while (node && node.value === undefined) {
        if (position >= total) throw new BadCode("data ends inside a code");
        node = bit(position++) ? node.one : node.zero;
      }
      if (!node) throw new BadCode("invalid code");
      return node.value as T;
    },
    readBit: () => (position < total ? bit(position++) : 0),
    /** Skips fill bits and an EOL (eleven or more zeros then a one) when one comes next. */
    skipEol() {
      let zeros = 0;
      while (position + zeros < total && bit(position + zeros) === 0) zeros++;
      if (zeros >= 11 && position + zeros < total) position += zeros + 1;
    },
    alignToByte() {
      position = Math.ceil(position / 8) * 8;
    },
  };
}

type BitReader = ReturnType<typeof createBitReader>;

function readRun(reader: BitReader, black: boolean, width: number): number {
  const trie = black ? getTries().black : getTries().white;
  let run = 0;
  for (;;) {
    const part = reader.read(trie);
    run += part;
    if (run > width) throw new BadCode("run longer than the row");
    if (part < 64) return run;
  }
}

/** One row in one-dimensional (Modified Huffman) coding: alternating white and black runs. */
function decodeRow1D(reader: BitReader, width: number): number[] {
  const changes: number[] = [];
  let position = 0;
  let black = false;
  while (position < width) {
    position += readRun(reader, black, width - position);
    changes.push(position);
    black = !black;
  }
  return changes;
}

/** One row coded against the reference row (T.4 §4.2 / T.6): changing elements a1, a2 from b1, b2. */
function decodeRow2D(reader: BitReader, width: number, reference: readonly number[]): number[] {
  const changes: number[] = [];
  let a0 = -1;
  let black = 0;
  let next = 0;
  for (let steps = 0; a0 < width; steps++) {
    if (steps > 2 * width + 8) throw new BadCode("row does not advance");
    while ((reference[next] ?? width) <= a0 && next < reference.length) next++;
    const b1Index = (next & 1) === black ? next : next + 1;
    const b1 = reference[b1Index] ?? width;
    const b2 = reference[b1Index + 1] ?? width;
    const mode = reader.read(getTries().modes);
    if (mode.kind === "pass") {
      a0 = b2;
    } else if (mode.kind === "horizontal") {
      const start = Math.max(a0, 0);
      const a1 = Math.min(width, start + readRun(reader, black === 1, width));
      const a2 = Math.min(width, a1 + readRun(reader, black === 0, width));
      changes.push(a1, a2);
      a0 = a2;
    } else {
      const a1 = b1 + mode.offset;
      if (a1 < 0 || a1 > width || a1 < a0) throw new BadCode("vertical code outside the row");
      changes.push(a1);
      a0 = a1;
      black ^= 1;
    }
  }
  return changes;
}

function fillRow(pixels: Uint8Array, row: number, width: number, changes: readonly number[]) {
  const base = row * width;
  for (let i = 0; i + 1 <= changes.length; i += 2) {
    const from = Math.min(width, changes[i] ?? width);
    const to = Math.min(width, changes[i + 1] ?? width);
    if (to > from) pixels.fill(1, base + from, base + to);
  }
}

/**
 * Decodes CCITT fax data to one byte per pixel, 1 where the code says black. Damaged data ends the
 * page early rather than failing it (fax lines drop out in transit); `rows` says how many decoded.
 */
export function decodeCcittFax(data: Uint8Array, options: CcittOptions): { pixels: Uint8Array; rows: number } {
  const { width, rows, mode } = options;
  const pixels = new Uint8Array(width * rows);
  const reader = createBitReader(data, options.lsbFirst ?? false);
  let reference: number[] = [];
  let row = 0;
  try {
    for (; row < rows; row++) {
      let changes: number[];
      if (mode === "g4") changes = decodeRow2D(reader, width, reference);
      else if (mode === "rle") {
        changes = decodeRow1D(reader, width);
        reader.alignToByte();
      } else {
        reader.skipEol();
        const oneDimensional = !options.twoDimensional || reader.readBit() === 1;
        changes = oneDimensional ? decodeRow1D(reader, width) : decodeRow2D(reader, width, reference);
      }
      fillRow(pixels, row, width, changes);
      reference = changes;
      if (reader.done && row + 1 < rows) return { pixels, rows: row + 1 };
    }
  } catch (error) {
    if (!(error instanceof BadCode)) throw error;
  }
  return { pixels, rows: row };
}
