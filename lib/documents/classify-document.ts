import { categoryByLoinc, categoryKeywords, type DocumentCategory } from "./document-categories";
import { findServiceDate } from "./find-service-date";

export type { DocumentCategory } from "./document-categories";

export type DocumentMetadata = {
  /** DocumentReference.type and .category codings and texts. */
  codings?: readonly { system?: string; code?: string; display?: string }[];
  codeTexts?: readonly (string | undefined)[];
  /** DocumentReference.description or the attachment title. */
  title?: string | null;
  /** DocumentReference.context.period.start (or end): when the documented service happened. */
  servicePeriodStart?: string | null;
};

export type DocumentClassification = {
  category: DocumentCategory;
  /** null when no date was found: such a document must never count as done today. */
  serviceDate: string | null;
  dateSource: "text" | "metadata" | "none";
  confidence: number;
};

const headerChars = 400;

function scoreCategories(label: string, text: string): Map<DocumentCategory, number> {
  const scores = new Map<DocumentCategory, number>();
  const header = text.slice(0, headerChars);
  const body = text.slice(headerChars);
  for (const [category, patterns] of categoryKeywords) {
    let score = 0;
    for (const pattern of patterns) {
      // Metadata and the letterhead/title area say what a document is; the body only hints.
      if (pattern.test(label)) score += 3;
      if (pattern.test(header)) score += 2;
      else if (pattern.test(body)) score += 1;
    }
    if (score > 0) scores.set(category, score);
  }
  return scores;
}

function classifyCategory(metadata: DocumentMetadata, text: string): { category: DocumentCategory; confidence: number } {
  for (const coding of metadata.codings ?? []) {
    const category = coding.system?.includes("loinc") && coding.code ? categoryByLoinc[coding.code] : undefined;
    if (category) return { category, confidence: 0.95 };
  }
  const label = [metadata.title, ...(metadata.codeTexts ?? []), ...(metadata.codings ?? []).map((c) => c.display)]
    .filter(Boolean)
    .join(" \n ");
  const ranked = [...scoreCategories(label, text)].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2) return { category: "other", confidence: 0.5 };
  const margin = first[1] - (second?.[1] ?? 0);
  return { category: first[0], confidence: Math.min(0.9, 0.5 + margin * 0.1) };
}

/** Accepts a FHIR dateTime or date and returns its date part when it is a real, non-future date. */
function readMetadataDate(value: string | null | undefined, asOf: string): string | null {
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(value ?? "")?.[1];
  if (!date || Number.isNaN(Date.parse(date)) || date > asOf) return null;
  return date;
}

/**
 * Category and service date of a document from its text and DocumentReference metadata. Pure.
 * The date a document was filed (DocumentReference.date) is deliberately not used: for a scan
 * indexed today it would make a years-old colonoscopy look done today.
 */
export function classifyDocument(input: { text: string; metadata?: DocumentMetadata; asOf: string }): DocumentClassification {
  const metadata = input.metadata ?? {};
  const { category, confidence } = classifyCategory(metadata, input.text);
  const fromText = findServiceDate(input.text, input.asOf);
  const fromMetadata = readMetadataDate(metadata.servicePeriodStart, input.asOf);
  if (fromText && (fromText.weight >= 0.85 || !fromMetadata)) {
    return { category, serviceDate: fromText.date, dateSource: "text", confidence: Math.min(confidence, fromText.weight) };
  }
  if (fromMetadata) return { category, serviceDate: fromMetadata, dateSource: "metadata", confidence: Math.min(confidence, 0.85) };
  return { category, serviceDate: null, dateSource: "none", confidence: Math.min(confidence, 0.3) };
}
