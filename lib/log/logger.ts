import { isAppError } from "@/lib/errors";
import { env } from "@/lib/env";

/**
 * Structured JSON logger that cannot carry PHI by accident: values under PHI-looking keys are
 * replaced, free-text strings are capped, and errors keep only their class and code (a driver's
 * message can echo query values).
 */
const phiKeys = /(name|given|family|birth|dob|mrn|ssn|address|phone|email|text|note|snippet|content|title|body|password|token|secret|authorization|cookie)/i;
const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, "silent">;

export function redactForLog(value: unknown, key = "", depth = 0): unknown {
  if (key && phiKeys.test(key)) return "[redacted]";
  if (value instanceof Error) {
    return isAppError(value)
      ? { error: value.name, code: value.code, message: value.message }
      : { error: value.name };
  }
  if (typeof value === "string") return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  if (value === null || typeof value !== "object") return value;
  if (depth > 4) return "[depth]";
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactForLog(v, "", depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactForLog(v, k, depth + 1);
  return out;
}

function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (levels[level] < levels[env.LOG_LEVEL]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(redactForLog(fields) as object) });
  process.stderr.write(`${line}\n`);
}

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
