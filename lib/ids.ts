import { randomBytes } from "node:crypto";

/**
 * One id scheme: `<prefix>_<26 chars>`, Crockford base32 of a 48-bit millisecond time and 80 random
 * bits (ULID layout), so ids sort by creation time and say what they point at.
 */
export const idPrefixes = {
  organization: "org",
  user: "usr",
  membership: "mem",
  audit: "aud",
  patient: "pat",
  appointment: "apt",
  document: "doc",
  screeningType: "sct",
  screeningResult: "scr",
  prepSheet: "prep",
  writeBack: "wb",
  ehrConnection: "ehr",
  ehrToken: "tok",
  job: "job",
  syncRun: "sync",
  clinicalRecord: "cr",
  session: "ses",
  invitation: "inv",
} as const;
export type IdKind = keyof typeof idPrefixes;
export type Id<K extends IdKind> = `${(typeof idPrefixes)[K]}_${string}`;

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function encodeTime(ms: number): string {
  let out = "";
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = alphabet[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits → 16 base32 characters
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < 16; i++) {
    out = alphabet[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}

export function createId<K extends IdKind>(kind: K, now: number = Date.now()): Id<K> {
  return `${idPrefixes[kind]}_${encodeTime(now)}${encodeRandom(randomBytes(10))}` as Id<K>;
}

const idPattern = /^[a-z]+_[0-9A-HJKMNP-TV-Z]{26}$/;

export function isId<K extends IdKind>(kind: K, value: unknown): value is Id<K> {
  return typeof value === "string" && value.startsWith(`${idPrefixes[kind]}_`) && idPattern.test(value);
}
