import "server-only";
import { env } from "@/lib/env";
import { createEnvelopeCipher, parseKeyring, type EnvelopeCipher } from "./envelope-cipher";

let cipher: EnvelopeCipher | undefined;

/** The app's cipher, keyed by ENCRYPTION_KEYS (first entry encrypts; all entries decrypt). */
export function getCipher(): EnvelopeCipher {
  cipher ??= createEnvelopeCipher(parseKeyring(env.ENCRYPTION_KEYS));
  return cipher;
}

export { createEnvelopeCipher, parseKeyring, type EnvelopeCipher } from "./envelope-cipher";
