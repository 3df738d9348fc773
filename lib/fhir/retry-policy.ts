/** Statuses worth another attempt for idempotent requests. 502/504 are gateway blips in front of Epic. */
const retriableStatuses = new Set([429, 502, 503, 504]);

/** True when a read/search/binary that got this status may be retried. */
export function isRetriableStatus(status: number): boolean {
  return retriableStatuses.has(status);
}

/**
 * Parse a Retry-After header (delta seconds or an HTTP date) into milliseconds from `now`.
 * Returns undefined when absent or unparseable; a date in the past becomes 0.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === "") return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only accept real HTTP dates; Date.parse is lenient with junk like "1.5" or "soon".
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/**
 * Exponential backoff with full jitter (AWS style): uniform in [0, min(max, base·2^attempt)).
 * Full jitter spreads many clinics' sync jobs apart after a shared Epic outage.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt));
  const r = Math.min(Math.max(options.random(), 0), 1);
  return Math.floor(ceiling * r);
}

/**
 * The wait before the next attempt: the server's Retry-After when it sent one, else jittered
 * backoff. Returns undefined when Retry-After asks for longer than `maxRetryAfterMs`, so the
 * caller gives up and lets the job scheduler come back later instead of holding a worker.
 */
export function nextRetryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  options: BackoffOptions & { maxRetryAfterMs: number },
): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs > options.maxRetryAfterMs ? undefined : retryAfterMs;
  return backoffDelay(attempt, options);
}
