import { Inngest } from "inngest";
import { env } from "@/lib/env";

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
});
