import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createEnvelopeCipher, parseKeyring } from "./envelope-cipher";

const key = () => randomBytes(32).toString("base64");
const k1 = `k1:${key()}`;
const k2 = `k2:${key()}`;

describe("envelope cipher", () => {
  it("round-trips and never emits the plaintext", () => {
    const c = createEnvelopeCipher(parseKeyring(k1));
    const secret = "access-token-abc.123";
    const sealed = c.encrypt(secret, "ehr_tokens.access_token:tok_1");
    expect(sealed).not.toContain(secret);
    expect(sealed.startsWith("hp1.k1.")).toBe(true);
    expect(c.decrypt(sealed, "ehr_tokens.access_token:tok_1")).toBe(secret);
  });

  it("uses a fresh data key per value", () => {
    const c = createEnvelopeCipher(parseKeyring(k1));
    expect(c.encrypt("same", "a")).not.toBe(c.encrypt("same", "a"));
  });

  it("round-trips across a key rotation", () => {
    const before = createEnvelopeCipher(parseKeyring(k1));
    const sealed = before.encrypt("note text", "documents.text:doc_1");
    const after = createEnvelopeCipher(parseKeyring(`${k2},${k1}`));
    expect(after.decrypt(sealed, "documents.text:doc_1")).toBe("note text");
    const rotated = after.rotate(sealed, "documents.text:doc_1");
    expect(rotated).not.toBeNull();
    expect(after.keyIdOf(rotated!)).toBe("k2");
    expect(after.decrypt(rotated!, "documents.text:doc_1")).toBe("note text");
    expect(after.rotate(rotated!, "documents.text:doc_1")).toBeNull();
    // Once k1 is retired, only the rotated value is readable.
    const retired = createEnvelopeCipher(parseKeyring(k2));
    expect(retired.decrypt(rotated!, "documents.text:doc_1")).toBe("note text");
    expect(() => retired.decrypt(sealed, "documents.text:doc_1")).toThrow(/no decryption key for key id k1/);
  });

  it.each([
    ["flipped ciphertext byte", (parts: string[]) => { parts[6] = flip(parts[6]!); }],
    ["flipped tag", (parts: string[]) => { parts[7] = flip(parts[7]!); }],
    ["flipped wrapped key", (parts: string[]) => { parts[3] = flip(parts[3]!); }],
    ["key id swapped", (parts: string[]) => { parts[1] = "k2"; }],
  ])("rejects tampering: %s", (_name, tamper) => {
    const c = createEnvelopeCipher(parseKeyring(`${k1},${k2}`));
    const parts = c.encrypt("secret", "aad").split(".");
    tamper(parts);
    expect(() => c.decrypt(parts.join("."), "aad")).toThrow();
  });

  it("rejects a value moved to another row (aad mismatch)", () => {
    const c = createEnvelopeCipher(parseKeyring(k1));
    const sealed = c.encrypt("secret", "ehr_tokens.access_token:tok_1");
    expect(() => c.decrypt(sealed, "ehr_tokens.access_token:tok_2")).toThrow(/failed authentication/);
  });

  it("rejects malformed input and bad keyrings", () => {
    const c = createEnvelopeCipher(parseKeyring(k1));
    expect(() => c.decrypt("plaintext", "aad")).toThrow(/envelope format/);
    expect(() => parseKeyring("k1:c2hvcnQ=")).toThrow(/not 32 bytes/);
    expect(() => parseKeyring(`${k1},${k1}`)).toThrow(/appears twice/);
  });
});

function flip(part: string): string {
  const b = Buffer.from(part, "base64url");
  b[0] = b[0]! ^ 0xff;
  return b.toString("base64url");
}
