import type { IncomingMessage, ServerResponse } from "node:http";
import { isLoopback, readBody, sendJson } from "./http/http-utils";
import type { SandboxState } from "./sandbox-state";
import type { LaunchContext } from "./sandbox-types";

/** Body of POST /_sandbox/faults: a SPEC string, JSON `{ "spec": SPEC }`, or a JSON string. */
function specFrom(raw: string): string {
  const text = raw.trim();
  if (!text.startsWith("{") && !text.startsWith('"')) return text;
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed === "string") return parsed;
  const spec = (parsed as { spec?: unknown }).spec;
  if (typeof spec !== "string") throw new Error('expected { "spec": "name=value,…" }');
  return spec;
}

/**
 * The control API of INTERFACES.md (no auth, loopback only). POST /_sandbox/launch is an addition for
 * out-of-process tests (Playwright) that need an EHR-launch token.
 */
export async function handleControl(req: IncomingMessage, res: ServerResponse, pathname: string, state: SandboxState, fhirBase: string): Promise<number> {
  if (!isLoopback(req)) {
    sendJson(res, 403, { error: "the control API answers loopback clients only" });
    return 403;
  }
  const route = `${req.method} ${pathname}`;
  try {
    switch (route) {
      case "GET /_sandbox/stats":
        sendJson(res, 200, state.stats());
        return 200;
      case "POST /_sandbox/faults":
        state.setFaults(specFrom((await readBody(req)).toString("utf8")));
        sendJson(res, 200, { faults: state.faults });
        return 200;
      case "POST /_sandbox/expire-tokens":
        state.expireTokens();
        sendJson(res, 200, { expired: true });
        return 200;
      case "POST /_sandbox/reset-stats":
        state.resetStats();
        sendJson(res, 200, { reset: true });
        return 200;
      case "POST /_sandbox/launch": {
        const ctx = JSON.parse((await readBody(req)).toString("utf8")) as LaunchContext;
        if (typeof ctx.patient !== "string") throw new Error("patient is required");
        sendJson(res, 200, { launch: state.mintLaunch(ctx), iss: fhirBase });
        return 200;
      }
      default:
        sendJson(res, 404, { error: `no control route ${route}` });
        return 404;
    }
  } catch (error) {
    sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
    return 400;
  }
}
