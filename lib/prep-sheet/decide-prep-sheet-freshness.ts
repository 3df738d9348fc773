import { createHash } from "node:crypto";
import { canonicalJson } from "./hash-prep-sheet-content";

/** What a sheet is built from, each part hashed on its own so the page can say which one changed. */
export const prepSheetInputParts = ["data", "documents", "reviews", "settings"] as const;
export type PrepSheetInputPart = (typeof prepSheetInputParts)[number];
export type PrepSheetInputsFingerprint = Record<PrepSheetInputPart, string>;

export type PrepSheetInputs = {
  /** Synced patient facts and clinical records, decrypted (their ciphertext changes on every re-sync). */
  data: unknown;
  /** Document metadata that decides what the sheet reads: id, version, state, content hash, category, date. */
  documents: unknown;
  /** The clinicians' review decisions as the engine reads them. */
  reviews: unknown;
  /** Clinic name, zone, prep-sheet and screening settings, active screening types. */
  settings: unknown;
};

const sha256 = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex");

export function fingerprintPrepSheetInputs(inputs: PrepSheetInputs): PrepSheetInputsFingerprint {
  return { data: sha256(inputs.data), documents: sha256(inputs.documents), reviews: sha256(inputs.reviews), settings: sha256(inputs.settings) };
}

export type PrepSheetFreshness = {
  /** The newest version for the same visit when this is not it. */
  supersededBy: { id: string; version: number } | null;
  /** Inputs that changed since the sheet was made; empty when unchanged or unknown. */
  changed: PrepSheetInputPart[];
  /** False for sheets stored before fingerprints existed: staleness cannot be told, only supersession. */
  known: boolean;
};

/**
 * Whether a stored sheet still says what its inputs say now. Only the newest version is compared with
 * the current inputs (an older one is superseded whatever changed); a sheet without a fingerprint is
 * never called stale on a guess.
 */
export function decidePrepSheetFreshness(input: {
  sheet: { id: string; version: number; inputsFingerprint: Partial<Record<string, string>> | null };
  latest: { id: string; version: number };
  /** Null when not read (a superseded sheet needs no comparison). */
  current: PrepSheetInputsFingerprint | null;
}): PrepSheetFreshness {
  const { sheet, latest, current } = input;
  const supersededBy = latest.id !== sheet.id && latest.version > sheet.version ? { id: latest.id, version: latest.version } : null;
  const stored = sheet.inputsFingerprint;
  if (!stored) return { supersededBy, changed: [], known: false };
  return { supersededBy, changed: current ? prepSheetInputParts.filter((part) => stored[part] !== current[part]) : [], known: true };
}

/** Sending this sheet to Epic needs a regenerate first or an explicit, audited confirmation. */
export function isPrepSheetOutdated(freshness: PrepSheetFreshness): boolean {
  return freshness.supersededBy !== null || freshness.changed.length > 0;
}

const changeSentences: Record<PrepSheetInputPart, string> = {
  data: "New data was synced from Epic after this sheet was made.",
  documents: "Documents were added or read again after this sheet was made.",
  reviews: "A clinician recorded or undid a review decision after this sheet was made.",
  settings: "Clinic settings or screening rules changed after this sheet was made.",
};

/** Plain sentences for the banner and the confirmation, newest-version notice first. */
export function describePrepSheetFreshness(freshness: PrepSheetFreshness): string[] {
  const lines = freshness.supersededBy ? [`A newer version (version ${freshness.supersededBy.version}) of this sheet exists.`] : [];
  return [...lines, ...freshness.changed.map((part) => changeSentences[part])];
}
