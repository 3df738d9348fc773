import { describe, expect, it } from "vitest";
import { sendTokenRequest } from "./token-endpoint";

const url = "http://127.0.0.1:4010/oauth2/token";

/** Answers in order: a status (with optional Retry-After seconds) or "drop" for a failed connection. */
function scripted(answers: (number | [number, string] | "drop")[]) {
  const seen: number[] = [];
  const send = async () => {
    const next = answers[seen.length] ?? 200;
    seen.push(seen.length);
    if (next === "drop") throw new TypeError("fetch failed");
    const [status, retryAfter] = Array.isArray(next) ? next : [next, undefined];
    return new Response(status === 200 ? "{}" : "", { status, headers: retryAfter ? { "retry-after": retryAfter } : {} });
  };
  return { send, seen };
}

describe("sendTokenRequest", () => {
  it("retries 503, a dropped connection and 429 (after its Retry-After), then returns the answer", async () => {
    const waits: number[] = [];
    const { send, seen } = scripted([503, "drop", [429, "2"], 200]);
    const response = await sendTokenRequest(url, send, { sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(4);
    expect(waits).toEqual([125, 250, 2000]);
  });

  it("returns an OAuth error (400 invalid_grant) at once for the caller to read", async () => {
    const { send, seen } = scripted([400]);
    expect((await sendTokenRequest(url, send, { sleep: async () => undefined })).status).toBe(400);
    expect(seen).toHaveLength(1);
  });

  it("stops when the time budget is spent and says so", async () => {
    let clock = 0;
    const { send } = scripted(Array(20).fill(503));
    const error = await sendTokenRequest(url, send, { budgetMs: 3_000, now: () => clock, sleep: async (ms) => void (clock += ms), random: () => 0.999 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ehr_unavailable" });
    expect((error as Error).message).toMatch(/token request failed: gave up after \d+ tries over \d+ s \(request's time budget spent\)/);
  });
});
