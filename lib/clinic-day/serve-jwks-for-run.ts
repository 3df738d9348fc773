import "server-only";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Db } from "@/db/client";
import { listPublishedJwks } from "@/lib/smart/signing-keys";

export type JwksForRun = { url: string; close: () => Promise<void> };

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
export const jwksPath = "/.well-known/jwks.json";

/** True when nothing listens at `url` (connection refused); an answer of any status means the app is up. */
async function nobodyAnswers(url: URL): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return false;
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return code === "ECONNREFUSED";
  }
}

function listen(server: Server, port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, host, () => resolve(true));
  });
}

/**
 * Backend Services signs its client assertion with the app's key, and Epic checks it against the
 * JWK Set URL registered for the client: the app's `{origin}/.well-known/jwks.json`. When the
 * clinic day runs without the app on a development machine (a loopback origin that nobody
 * answers), this publishes the same keys at the same URL for the run, so the token request is
 * exactly the production one: no static key, no other client. In production, or when the app is
 * up, it does nothing (null): the deployed app publishes them.
 */
export async function serveJwksForRun(db: Db, input: { appOrigin: string; production: boolean }): Promise<JwksForRun | null> {
  const url = new URL(jwksPath, input.appOrigin);
  if (input.production || url.protocol !== "http:" || !loopbackHosts.has(url.hostname)) return null;
  if (!(await nobodyAnswers(url))) return null;
  const port = Number(url.port || 80);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" || new URL(req.url ?? "/", url).pathname !== jwksPath) {
      res.writeHead(404).end();
      return;
    }
    listPublishedJwks(db).then(
      (jwks) => res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(jwks)),
      () => res.writeHead(500).end(),
    );
  };
  // "localhost" may resolve to either family, so answer on both loopbacks where the system has them.
  const hosts = url.hostname === "localhost" ? ["127.0.0.1", "::1"] : [url.hostname.replace(/^\[|\]$/g, "")];
  const servers: Server[] = [];
  for (const host of hosts) {
    const server = createServer(handler);
    if (await listen(server, port, host)) servers.push(server);
  }
  if (servers.length === 0) return null;
  return {
    url: url.href,
    close: async () => {
      // Epic's fetcher may hold a keep-alive connection open; the run is over, so cut it.
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      })));
    },
  };
}
