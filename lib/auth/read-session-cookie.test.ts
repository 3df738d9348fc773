import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authConfig } from "./config";
import { readSessionCookie } from "./read-session-cookie";

const plain = "authjs.session-token";
const secure = "__Secure-authjs.session-token";
const claims = { uid: "usr_cookie_test", sid: "ses_cookie_test" };
const seal = (salt: string, options: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: claims, secret: options.secret ?? authConfig.secret, salt, maxAge: options.maxAge ?? 3600 });

describe("readSessionCookie: the session cookie as Auth.js issued it", () => {
  it.each([plain, secure])("accepts %s sealed with our secret", async (name) => {
    const session = await readSessionCookie(`other=1; ${name}=${await seal(name)}`);
    expect(session?.user?.id).toBe(claims.uid);
    expect(session?.sessionId).toBe(claims.sid);
  });

  it("refuses a token sealed with another secret, for another cookie name, or expired", async () => {
    for (const cookie of [
      `${plain}=${await seal(plain, { secret: "x".repeat(40) })}`,
      `${plain}=${await seal(secure)}`,
      `${plain}=${await seal(plain, { maxAge: -60 })}`,
      `${plain}=not-a-token`,
    ]) {
      expect(await readSessionCookie(cookie)).toBeNull();
    }
  });

  it("needs the cookie: nothing, or only other cookies, is no session", async () => {
    expect(await readSessionCookie(null)).toBeNull();
    expect(await readSessionCookie(`other=${await seal(plain)}`)).toBeNull();
  });
});
