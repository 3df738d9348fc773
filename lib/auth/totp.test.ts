import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildOtpauthUri, decodeBase32, encodeBase32, generateTotp, hotp, verifyTotp } from "./totp";

// RFC 6238 Appendix B: the seeds are the ASCII strings below; the table gives 8-digit codes.
const seeds = {
  sha1: Buffer.from("12345678901234567890"),
  sha256: Buffer.from("12345678901234567890123456789012"),
  sha512: Buffer.from("1234567890123456789012345678901234567890123456789012345678901234"),
};
const rfc6238: Array<[number, string, string, string]> = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(rfc6238)("T=%i: SHA-1 %s, SHA-256 %s, SHA-512 %s", (seconds, sha1, sha256, sha512) => {
    const t = seconds * 1000;
    expect(generateTotp(seeds.sha1, t, { digits: 8 })).toBe(sha1);
    expect(generateTotp(seeds.sha256, t, { digits: 8, algorithm: "sha256" })).toBe(sha256);
    expect(generateTotp(seeds.sha512, t, { digits: 8, algorithm: "sha512" })).toBe(sha512);
  });

  it("6-digit codes are the last six digits of the 8-digit ones", () => {
    for (const [seconds, sha1] of rfc6238) expect(generateTotp(seeds.sha1, seconds * 1000)).toBe(sha1.slice(2));
  });

  it.each([
    [0, "755224"], [1, "287082"], [2, "359152"], [3, "969429"], [4, "338314"],
    [5, "254676"], [6, "287922"], [7, "162583"], [8, "399871"], [9, "520489"],
  ])("HOTP (RFC 4226 Appendix D) counter %i → %s", (counter, code) => {
    expect(hotp(seeds.sha1, counter)).toBe(code);
  });
});

describe("verifyTotp", () => {
  const secret = encodeBase32(seeds.sha1);
  const t = 1111111111_000;
  it("accepts the current step and one step of drift, returning the matched step", () => {
    expect(verifyTotp(secret, generateTotp(secret, t), t)).toBe(37037037);
    expect(verifyTotp(secret, generateTotp(secret, t - 30_000), t)).toBe(37037036);
    expect(verifyTotp(secret, generateTotp(secret, t + 30_000), t)).toBe(37037038);
    expect(verifyTotp(secret, generateTotp(secret, t - 60_000), t)).toBeNull();
  });
  it("refuses a replayed step and malformed codes", () => {
    const code = generateTotp(secret, t);
    expect(verifyTotp(secret, code, t, { afterStep: 37037037 })).toBeNull();
    for (const bad of ["", "12345", "1234567", "12a456", " 123456"]) expect(verifyTotp(secret, bad, t)).toBeNull();
  });
});

describe("base32 and the otpauth URI", () => {
  it("round-trips any bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect([...decodeBase32(encodeBase32(bytes))]).toEqual([...bytes]);
    }));
  });
  it("matches RFC 4648 and rejects non-base32", () => {
    expect(encodeBase32(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(decodeBase32("mzxw 6ytb-oi======").toString()).toBe("foobar");
    expect(() => decodeBase32("MZXW1")).toThrow();
  });
  it("builds an authenticator URI", () => {
    expect(buildOtpauthUri({ secret: "JBSWY3DPEHPK3PXP", account: "a@b.test", issuer: "HealthPrep" })).toBe(
      "otpauth://totp/HealthPrep%3Aa%40b.test?secret=JBSWY3DPEHPK3PXP&issuer=HealthPrep&algorithm=SHA1&digits=6&period=30",
    );
  });
});
