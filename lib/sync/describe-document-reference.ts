import { createHash } from "node:crypto";
import type { DocumentReference } from "@medplum/fhirtypes";
import { prepSheetIdentifierSystem } from "@/lib/writeback/build-document-reference";

export type DocumentLogFacts = { ehrId: string; ehrVersion: string; origin: "ehr" | "healthprep" };

/**
 * What the document log keeps about a DocumentReference: its id, a version that changes when the
 * content may have changed (meta.versionId, else a fingerprint of the content list: Epic does not
 * always send a version), and whether it is one of our own prep sheets. Pure.
 */
export function describeDocumentReference(resource: DocumentReference): DocumentLogFacts | null {
  if (!resource.id) return null;
  const ours = (resource.identifier ?? []).some((identifier) => identifier.system === prepSheetIdentifierSystem);
  const fingerprint = () =>
    `sha256:${createHash("sha256")
      .update(JSON.stringify((resource.content ?? []).map((c) => c.attachment)))
      .digest("hex")
      .slice(0, 32)}`;
  return { ehrId: resource.id, ehrVersion: resource.meta?.versionId ?? fingerprint(), origin: ours ? "healthprep" : "ehr" };
}
