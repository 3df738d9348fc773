import type { DocumentReferenceContent } from "@medplum/fhirtypes";

/**
 * Lower is better. A PDF or plain text is read exactly; RTF and HTML are renderings that lose
 * layout; images need OCR, which is slowest and least accurate. Unknown types come last.
 */
function rankContentType(contentType: string | undefined): number {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/pdf") return 0;
  if (type === "text/plain") return 1;
  if (type === "text/rtf" || type === "application/rtf") return 2;
  if (type === "text/html" || type === "application/xhtml+xml") return 3;
  if (type === "image/tiff" || type === "image/png" || type === "image/jpeg" || type === "image/jpg") return 4;
  return 5;
}

/**
 * Chooses which of a DocumentReference's content entries to read. Entries with neither inline
 * data nor a URL cannot be fetched and are skipped; among equals the first listed wins.
 * The declared type only ranks candidates: the bytes are sniffed after download.
 */
export function pickBestContent(content: readonly DocumentReferenceContent[] | undefined): DocumentReferenceContent | undefined {
  let best: DocumentReferenceContent | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const entry of content ?? []) {
    const { attachment } = entry;
    if (!attachment?.data && !attachment?.url) continue;
    const rank = rankContentType(attachment.contentType);
    if (rank < bestRank) {
      best = entry;
      bestRank = rank;
    }
  }
  return best;
}
