import type { DomainAttachment } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { asNumber, asRecord, asString } from "./read-json";

/** The Binary id in an attachment URL (`Binary/<id>`, absolute, or `/Binary/<id>`), else null. */
export function binaryIdFromUrl(url: string | null): string | null {
  if (url === null) return null;
  const match = /(?:^|\/)Binary\/([^/?#]+)$/.exec(url.trim());
  return match?.[1] ?? null;
}

/** Read an Attachment; `size` may be a number or (in some exports) a numeric string. */
export function readAttachment(value: unknown, format: string | null = null): DomainAttachment | null {
  const attachment = asRecord(value);
  if (!attachment) return null;
  const url = asString(attachment.url);
  const data = asString(attachment.data);
  const sizeText = asString(attachment.size);
  const size = asNumber(attachment.size) ?? (sizeText !== null && /^\d+$/.test(sizeText) ? Number(sizeText) : null);
  return {
    contentType: asString(attachment.contentType),
    url,
    binaryId: binaryIdFromUrl(url),
    size,
    title: asString(attachment.title),
    hash: asString(attachment.hash),
    creation: normalizeFhirDate(attachment.creation),
    data,
    hasData: data !== null,
    format,
  };
}
