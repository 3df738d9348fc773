import path from "node:path";
import { parseArgs } from "node:util";
import { builtInClients } from "./sandbox-clients";
import type { CorpusSummary } from "./sandbox-types";
import { startEpicSandbox } from "./start-epic-sandbox";

const usage = `npm run sandbox -- [--port N] [--seed DIR]... [--no-default-seed] [--no-corpus] [--corpus-dir DIR] [--faults SPEC] [--token-ttl SECONDS] [--app-origin URL]`;

const repoRoot = path.resolve(import.meta.dirname, "../..");
/** The shared corpus sits beside the checkout on developers' machines; CI has none. */
const defaultCorpusDir = path.resolve(repoRoot, "../shared/corpus");

function parse() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.EPIC_SANDBOX_PORT ?? "4010" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string", multiple: true, default: [] },
      "no-default-seed": { type: "boolean", default: false },
      "no-corpus": { type: "boolean", default: false },
      "corpus-dir": { type: "string", default: defaultCorpusDir },
      faults: { type: "string" },
      "token-ttl": { type: "string" },
      // Where HealthPrep serves /.well-known/jwks.json for the private_key_jwt and backend clients.
      "app-origin": { type: "string", default: "http://127.0.0.1:3000" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  return values;
}

/** One line on what the shared corpus added, or that it is absent (the sandbox starts either way). */
function describeCorpus(c: CorpusSummary): string {
  if (!c.found) return `Shared corpus: not found at ${c.dir}, starting without it (--corpus-dir DIR to point elsewhere, --no-corpus to skip)`;
  const synthea = c.syntheaPatients === null ? "no synthea-qicore-exafluence" : `${c.syntheaPatients} Synthea patients`;
  const clinocr = c.clinocrDocuments === null ? "no clinocr-bench" : `${c.clinocrDocuments} clinocr-bench documents`;
  return `Shared corpus: ${synthea}, ${clinocr} (from ${c.dir})`;
}

/** Milliseconds since the process started (performance.now()'s origin), so tsx start-up counts too. */
const sinceStart = () => Math.round(performance.now());

async function main(): Promise<void> {
  const args = parse();
  if (args.help) {
    console.log(usage);
    return;
  }
  const port = Number(args.port);
  const ttl = args["token-ttl"] === undefined ? undefined : Number(args["token-ttl"]);
  if (!Number.isInteger(port) || port < 0) throw new Error(`--port must be a port number\n${usage}`);
  if (ttl !== undefined && !(ttl > 0)) throw new Error(`--token-ttl must be a positive number of seconds\n${usage}`);

  const sandbox = await startEpicSandbox({
    port,
    host: args.host,
    seedDirs: args.seed.map((d) => path.resolve(d)),
    defaultSeed: !args["no-default-seed"],
    ...(args["no-corpus"] ? {} : { corpusDir: path.resolve(args["corpus-dir"]) }),
    ...(args.faults ? { faults: args.faults } : {}),
    ...(ttl ? { tokenTtlSeconds: ttl } : {}),
    clients: builtInClients()
      .filter((c) => c.jwksUri)
      .map((c) => ({ ...c, jwksUri: new URL("/.well-known/jwks.json", args["app-origin"]).href })),
    verbose: args.verbose,
    // Printed once the port is bound: requests made before loading finishes wait rather than fail.
    onListening: (urls) => {
      console.log(`Epic sandbox listening after ${sinceStart()} ms, loading`);
      console.log(`  FHIR base:  ${urls.fhirBase}`);
      console.log(`  SMART:      ${urls.fhirBase}/.well-known/smart-configuration`);
      console.log(`  Authorize:  ${urls.authorizeEndpoint}`);
      console.log(`  Token:      ${urls.tokenEndpoint}`);
      console.log(`  Control:    ${urls.origin}/_sandbox/stats`);
      console.log(`  Users:      FHIR / EpicFhir11!   FHIRTWO / EpicFhir11!`);
      console.log(`  MyChart:    fhircamila, fhirderrick, fhirjason, fhirjessica, fhirnancy / epicepic1`);
    },
  });
  if (sandbox.corpus) console.log(describeCorpus(sandbox.corpus));
  console.log(`Epic sandbox ready after ${sinceStart()} ms (${sandbox.stats().patients} patients)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Epic sandbox: ${signal}, stopping`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
