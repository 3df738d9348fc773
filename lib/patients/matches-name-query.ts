const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Every word of the query starts a word of the name, ignoring case and accents ("des pow" finds Desirée Powell). */
export function matchesNameQuery(name: string, query: string): boolean {
  const parts = fold(name).split(/[\s,.'-]+/).filter(Boolean);
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => parts.some((p) => p.startsWith(w)));
}
