// Reference: evidence order as first written (joined identity strings), kept only as the oracle for
// evaluate-screenings.equivalence.test.ts. Production code must not import it.
import type { EvidenceItem, EvidenceSource } from "../screening-result";

const sourceOrder: Record<EvidenceSource, number> = {
  procedure: 0, diagnostic_report: 1, observation: 2, immunization: 3, condition: 4, document: 5,
};

/** Total order (newest first, then by source and content) so results never depend on input order. */
export function compareEvidence(a: EvidenceItem, b: EvidenceItem): number {
  const byDate = compareStrings(b.date ?? "", a.date ?? "");
  if (byDate !== 0) return byDate;
  const bySource = sourceOrder[a.source] - sourceOrder[b.source];
  if (bySource !== 0) return bySource;
  const cheap = compareStrings(`${a.sourceId}|${a.role}|${a.use}`, `${b.sourceId}|${b.role}|${b.use}`);
  return cheap !== 0 ? cheap : compareStrings(JSON.stringify(a), JSON.stringify(b));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
