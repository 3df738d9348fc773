// `npm run keys:rotate`: re-encrypts every stored ciphertext under the active key (the first entry of
// ENCRYPTION_KEYS). Safe while the app runs; run it again until it reports 0 failed, then an old key
// may be removed from ENCRYPTION_KEYS.
import { databaseUrlFromEnv, openDatabase } from "@/db/client";
import { getCipher } from "@/lib/crypto";
import { rotateEncryptionKeys } from "@/lib/security/rotate-encryption-keys";

const batchArg = process.argv.indexOf("--batch");
const batchSize = batchArg > 0 ? Number(process.argv[batchArg + 1]) : 200;
if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("--batch must be a positive integer");

const cipher = getCipher();
const handle = await openDatabase(databaseUrlFromEnv());
process.stderr.write(`keys:rotate: active key ${cipher.activeKeyId} (${handle.kind})\n`);
let failed = 0;
try {
  await rotateEncryptionKeys(handle.db, cipher, {
    batchSize,
    onColumn: (s) => {
      failed += s.failed;
      const what = s.missing ? "no such table/column, skipped" : `${s.rotated} rotated, ${s.changedMeanwhile} changed meanwhile, ${s.failed} failed`;
      process.stderr.write(`  ${`${s.table}.${s.column}`.padEnd(42)} ${what}\n`);
    },
  });
} finally {
  await handle.close();
}
if (failed > 0) {
  process.stderr.write(`keys:rotate: ${failed} values could not be decrypted with any configured key; they were left as they are\n`);
  process.exitCode = 1;
}
