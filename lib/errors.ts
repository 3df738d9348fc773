/**
 * The one error type of the app. Use-cases throw it; only the wrappers turn it into a response.
 * `message` is for logs and must never hold PHI; what a user sees is `publicMessage`.
 */
export const appErrorCodes = [
  "unauthenticated",
  "forbidden",
  "not_found",
  "invalid_input",
  "conflict",
  "rate_limited",
  "ehr_unavailable",
  "ehr_rejected",
  "reconnect_needed",
  "document_failed",
  "misconfigured",
  "internal",
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export const statusByCode: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  rate_limited: 429,
  ehr_unavailable: 502,
  ehr_rejected: 502,
  reconnect_needed: 409,
  document_failed: 422,
  misconfigured: 500,
  internal: 500,
};

const defaultPublicMessage: Record<AppErrorCode, string> = {
  unauthenticated: "Sign in to continue.",
  forbidden: "You do not have permission to do that.",
  not_found: "Not found.",
  invalid_input: "The request is not valid.",
  conflict: "That conflicts with the current state. Reload and try again.",
  rate_limited: "Too many attempts. Wait a moment and try again.",
  ehr_unavailable: "Epic did not answer. Try again shortly.",
  ehr_rejected: "Epic refused the request.",
  reconnect_needed: "The Epic connection has expired. Reconnect to Epic to continue.",
  document_failed: "The document could not be read.",
  misconfigured: "The server is not configured correctly.",
  internal: "Something went wrong on our side.",
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Safe to show to the user: no PHI, no internals. */
  readonly publicMessage: string;
  /** Extra safe fields for the response body (e.g. which input field failed, retryAfter seconds). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { publicMessage?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.publicMessage = options.publicMessage ?? defaultPublicMessage[code];
    this.details = options.details;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
