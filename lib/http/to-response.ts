import { ZodError } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { describeValidationIssues } from "./describe-validation-issues";

export type ErrorBody = { error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };

/** The single mapping from thrown values to HTTP. Bodies never carry internals or PHI. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof ZodError) {
    // Every problem at once, in plain words (never zod's own text or our field names).
    const { message, issues } = describeValidationIssues(error.issues);
    return { status: 400, headers: {}, body: { error: { code: "invalid_input", message, issues } } };
  }
  const appError = isAppError(error) ? error : new AppError("internal", "unhandled error", { cause: error });
  // Only Errors are logged (as class and code); a thrown string or plain object may hold anything.
  if (appError.status >= 500) logger.error("request.failed", { code: appError.code, err: error instanceof Error ? error : { thrown: typeof error } });
  const headers: Record<string, string> = {};
  const retryAfter = appError.details?.retryAfter;
  if (typeof retryAfter === "number") headers["retry-after"] = String(retryAfter);
  return { status: appError.status, headers, body: { error: { code: appError.code, message: appError.publicMessage } } };
}

export function toResponse(error: unknown): Response {
  const { status, body, headers } = toErrorBody(error);
  return Response.json(body, { status, headers });
}
