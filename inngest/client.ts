import { Inngest } from "inngest";
import { env } from "@/lib/env";
import { JobRunMiddleware } from "./job-run-middleware";

/**
 * The Inngest client. Keys come from lib/env.ts only; without INNGEST_EVENT_KEY (and no
 * INNGEST_DEV server) the app never calls `inngest.send` — jobs run in-process instead
 * (register-jobs.ts). `isDev` points the SDK at a local `inngest-cli dev` server.
 */
export const inngest = new Inngest({
  id: "healthprep",
  ...(env.INNGEST_EVENT_KEY ? { eventKey: env.INNGEST_EVENT_KEY } : {}),
  ...(env.INNGEST_SIGNING_KEY ? { signingKey: env.INNGEST_SIGNING_KEY } : {}),
  ...(env.INNGEST_DEV ? { isDev: true } : {}),
  // Every run is recorded in job_runs for the platform console.
  middleware: [JobRunMiddleware],
});
