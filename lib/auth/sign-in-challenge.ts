import "server-only";
import { createHash } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Proof that step one (the password) succeeded, carried by the browser to step two (the TOTP code):
 * HS256 with a key derived from AUTH_SECRET for this purpose only, valid for five minutes.
 */
const key = () => createHash("sha256").update(`healthprep:sign-in-challenge:${env.AUTH_SECRET}`).digest();
const audience = "healthprep:password-sign-in";
const lifetimeSeconds = 300;

export async function createSignInChallenge(userId: string, now = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetimeSeconds)
    .sign(key());
}

export async function readSignInChallenge(challenge: unknown, now = new Date()): Promise<string> {
  if (typeof challenge !== "string" || challenge.length > 2000) throw new AppError("unauthenticated", "no sign-in challenge");
  try {
    const { payload } = await jwtVerify(challenge, key(), { audience, algorithms: ["HS256"], currentDate: now });
    if (!payload.sub) throw new Error("no subject");
    return payload.sub;
  } catch (cause) {
    throw new AppError("unauthenticated", "sign-in challenge invalid or expired", {
      cause,
      publicMessage: "The sign-in took too long. Start again.",
    });
  }
}
