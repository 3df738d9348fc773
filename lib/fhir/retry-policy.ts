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

/**
 * A deadline shared by every request of one unit of work (one patient's sync), so a patient fails
 * only once the whole unit has spent its time, not when one request is unlucky. `label` names the
 * unit in the reason ("patient").
 */
export interface RetryBudget {
  readonly deadline: number;
  readonly label: string;
}

export function createRetryBudget(ms: number, label: string, now: number): RetryBudget {
  return { deadline: now + ms, label };
}

export type RetryPlan = { wait: number } | { giveUp: string };

/**
 * Whether to try once more and after how long, or why not: the retry cap, a Retry-After longer than
 * we hold a worker, or a wait that would end past the deadline (the request's own budget or the
 * shared one, whichever ends first). Reasons are fixed phrases with counts, safe to store and show.
 */
export function planRetry(input: {
  retries: number;
  maxRetries: number;
  retryAfterMs: number | undefined;
  now: number;
  startedAt: number;
  requestDeadline: number;
  budget: RetryBudget | undefined;
  options: BackoffOptions & { maxRetryAfterMs: number };
}): RetryPlan {
  const tries = input.retries + 1;
  const spent = `${tries} ${tries === 1 ? "try" : "tries"} over ${Math.round((input.now - input.startedAt) / 1000)} s`;
  if (input.retries >= input.maxRetries) return { giveUp: `gave up after ${spent} (retry limit)` };
  const delay = nextRetryDelay(input.retries, input.retryAfterMs, input.options);
  if (delay === undefined) return { giveUp: `Epic asked to wait ${Math.ceil((input.retryAfterMs ?? 0) / 1000)} s, longer than a job waits` };
  const shared = input.budget && input.budget.deadline < input.requestDeadline ? input.budget : undefined;
  const deadline = shared ? shared.deadline : input.requestDeadline;
  if (input.now + delay > deadline) return { giveUp: `gave up after ${spent} (${shared ? `${shared.label}'s` : "request's"} time budget spent)` };
  return { wait: delay };
}
