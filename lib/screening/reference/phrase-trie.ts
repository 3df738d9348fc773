// Reference: the original map-based trie, kept only as the oracle for
// normalize-text.equivalence.test.ts. Production code must not import it.
import type { NormalizedText } from "./normalize-text";

/**
 * A character trie over compact phrases, scanned once per text from every token boundary. This is the
 * "compile once" keyword automaton: cost grows with text length times the longest phrase, not with
 * the number of keywords, and no per-keyword regular expressions are built.
 */
type TrieNode = { next: Map<string, TrieNode>; terminals: number[] };
export type PhraseTrie = { root: TrieNode; size: number };
export type PhraseHit = { phraseIndex: number; start: number; end: number };

export function buildPhraseTrie(compactPhrases: readonly string[]): PhraseTrie {
  const root: TrieNode = { next: new Map(), terminals: [] };
  compactPhrases.forEach((phrase, index) => {
    if (phrase.length === 0) return;
    let node = root;
    for (const char of phrase) {
      let child = node.next.get(char);
      if (!child) {
        child = { next: new Map(), terminals: [] };
        node.next.set(char, child);
      }
      node = child;
    }
    node.terminals.push(index);
  });
  return { root, size: compactPhrases.length };
}

/** Every phrase occurrence that starts and ends on a token boundary, in text order. */
export function scanPhraseTrie(trie: PhraseTrie, text: NormalizedText): PhraseHit[] {
  const hits: PhraseHit[] = [];
  const { compact, boundary } = text;
  for (let start = 0; start < compact.length; start++) {
    if (!boundary[start]) continue;
    let node: TrieNode | undefined = trie.root;
    for (let j = start; j < compact.length; j++) {
      node = node.next.get(compact[j] ?? "");
      if (!node) break;
      if (node.terminals.length > 0 && boundary[j + 1]) {
        for (const phraseIndex of node.terminals) hits.push({ phraseIndex, start, end: j + 1 });
      }
    }
  }
  return hits;
}
