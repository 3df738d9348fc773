import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/api/FHIR/R4/Patient/abc`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** 1-based order of arrival. */
  n: number;
}

export type TestHandler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface FhirTestServer {
  origin: string;
  baseUrl: string;
  requests: RecordedRequest[];
  handle(handler: TestHandler): void;
  close(): Promise<void>;
}

/** Send a FHIR JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/fhir+json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * A real HTTP server on 127.0.0.1 with a random port, for exercising the client's wire behaviour
 * (retries, dropped sockets, streaming) that a mocked fetch would not reproduce.
 */
export async function startFhirTestServer(): Promise<FhirTestServer> {
  const requests: RecordedRequest[] = [];
  let handler: TestHandler = (_req, res) => sendJson(res, 404, { resourceType: "OperationOutcome", issue: [] });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        url: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        n: requests.length + 1,
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/api/FHIR/R4`,
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
