import type { IncomingMessage, ServerResponse } from "node:http";

export async function readBody(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req)).toString("utf8"));
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer | undefined,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, ...(body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(body)) }) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, contentType = "application/json"): void {
  send(res, status, JSON.stringify(value), { "Content-Type": `${contentType}; charset=utf-8` });
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, html, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
}

export function isLoopback(req: IncomingMessage): boolean {
  const addr = req.socket.remoteAddress ?? "";
  return addr === "::1" || addr.startsWith("127.") || addr.startsWith("::ffff:127.");
}
