import type { DocumentKind } from "./sniff-content-type";

const kindNames: Partial<Record<DocumentKind, string>> = {
  gif: "a GIF image",
  bmp: "a BMP image",
  webp: "a WebP image",
  zip: "a ZIP archive (e.g. a Word .docx file)",
  ole: "an old Microsoft Office file (e.g. .doc)",
  xml: "an XML file (e.g. a CDA document)",
  binary: "in an unrecognised binary format",
};

/** Only a well-formed MIME type from the metadata is echoed, so the message stays free of content. */
function sanitizeDeclared(declared: string | null | undefined): string | null {
  const match = /^\s*([\w.+-]{1,64}\/[\w.+-]{1,64})/.exec(declared ?? "");
  return match?.[1]?.toLowerCase() ?? null;
}

export function describeUnsupportedType(kind: DocumentKind, declaredContentType?: string | null): string {
  const declared = sanitizeDeclared(declaredContentType);
  const what = kindNames[kind] ?? `of type ${kind}`;
  const label = declared ? ` (declared as ${declared})` : "";
  return `The file is ${what}${label}. Supported are PDF, plain text, RTF, HTML and PNG, JPEG or TIFF images.`;
}
