import { parseArgs } from "node:util";
import { databaseUrlFromEnv, openDatabase, setDbForProcess } from "@/db/client";
import { runClinicDay } from "@/lib/clinic-day/run-clinic-day";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import { selectOcrProvider } from "@/lib/documents/ocr/select-ocr-provider";
import { serveJwksForRun } from "@/lib/clinic-day/serve-jwks-for-run";
import { env, isProduction } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";

/**
 * `npm run clinic-day -- --org SLUG --date YYYY-MM-DD [--provider ID] [--write-back] [--json]`
 * (INTERFACES.md). Progress goes to stderr; with --json the last stdout line is one JSON object.
 * Uses the clinic's configured Epic connection through Backend Services, and DATABASE_URL (or the
 * embedded PGlite directory, which must not be open in `npm run dev` at the same time). Needs no
 * running app: on a development machine it publishes the app's JWKS itself for the run.
 */
const usage = "npm run clinic-day -- --org SLUG --date YYYY-MM-DD [--provider ID] [--write-back] [--json]";
/** Where `npm run dev` serves the app (and where the sandbox looks for its JWKS) unless AUTH_URL says otherwise. */
const defaultAppOrigin = "http://localhost:3000";

function parse() {
  const { values } = parseArgs({
    options: {
      org: { type: "string" },
      date: { type: "string" },
      provider: { type: "string" },
      "write-back": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  if (!values.org) throw new AppError("invalid_input", `--org is required\n${usage}`);
  if (!values.date || !/^\d{4}-\d{2}-\d{2}$/.test(values.date) || Number.isNaN(Date.parse(values.date))) throw new AppError("invalid_input", `--date must be YYYY-MM-DD\n${usage}`);
  if (values.provider !== undefined && !/^[A-Za-z0-9\-.]{1,64}$/.test(values.provider)) throw new AppError("invalid_input", "--provider must be an Epic Practitioner id");
  return { org: values.org, date: values.date, provider: values.provider, writeBack: values["write-back"], json: values.json };
}

async function main(): Promise<number> {
  const args = parse();
  if (!args) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const log = (line: string) => process.stderr.write(`clinic-day: ${line}\n`);
  const handle = await openDatabase(databaseUrlFromEnv());
  setDbForProcess(handle);
  let ocr: Promise<OcrProvider> | undefined;
  // Without the app beside it (development), the run publishes the app's JWKS itself (see serveJwksForRun).
  const jwks = await serveJwksForRun(handle.db, { appOrigin: env.AUTH_URL ?? defaultAppOrigin, production: isProduction });
  if (jwks) log(`no app answered at ${jwks.url}; serving the app's public keys there for this run`);
  try {
    const summary = await runClinicDay(
      {
        db: handle.db,
        getFhirClient: getFhirClientForOrganization,
        getOcr: () => (ocr ??= selectOcrProvider(env.OCR_PROVIDER)),
        now: () => new Date(),
      },
      { orgSlug: args.org, date: args.date, ...(args.provider ? { practitionerId: args.provider } : {}), writeBack: args.writeBack, log },
    );
    const cpu = process.cpuUsage();
    log(`done in ${summary.timingsMs.total} ms: ${JSON.stringify(summary.timingsMs)}, process CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms`);
    if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else process.stdout.write(`${summary.prepSheets} prep sheets for ${summary.patients} patients; write-back ${JSON.stringify(summary.writeBack)}\n`);
    return summary.results.some((r) => r.status === "failed") ? 1 : 0;
  } finally {
    await jwks?.close();
    await (await ocr)?.close().catch(() => undefined);
    setDbForProcess(undefined);
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // AppError and FhirError messages are PHI-free by construction; anything else prints its name only.
    const message = error instanceof AppError ? `${error.code}: ${error.message}` : error instanceof Error ? error.name : "error";
    process.stderr.write(`clinic-day: ${message}\n`);
    process.exit(2);
  },
);
