import { isAppError } from "@/lib/errors";

/**
 * A stored, PHI-free description of why a sync failed. AppError and FhirError messages are built
 * from codes and fixed phrases; anything else keeps only its class name (a driver or parser
 * message can echo values).
 */
export function describeSyncError(error: unknown): { code: string; reason: string } {
  if (isAppError(error)) return { code: error.code, reason: error.message };
  if (error instanceof Error) return { code: "internal", reason: error.name };
  return { code: "internal", reason: "unknown error" };
}
