import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Every route handler and server action in app/, found on disk: route.ts files (their HTTP method
 * exports) and files that start with "use server" (all their exports).
 */
const root = path.resolve(import.meta.dirname, "../..");
export const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type AppEntry = { kind: "route" | "action"; file: string; name: string; fn: unknown };

function listFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

export function listRouteFiles(): string[] {
  return listFiles("app").filter((f) => /(^|\/)route\.ts$/.test(f)).sort();
}

export function listServerActionFiles(): string[] {
  return listFiles("app")
    .filter((f) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(path.join(root, f), "utf8")))
    .sort();
}

export async function loadAppEntries(): Promise<AppEntry[]> {
  const entries: AppEntry[] = [];
  for (const file of listRouteFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const name of httpMethods) if (name in mod) entries.push({ kind: "route", file, name, fn: mod[name] });
  }
  for (const file of listServerActionFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) entries.push({ kind: "action", file, name, fn });
  }
  return entries;
}

export function declaredPermission(fn: unknown): string | undefined {
  if (typeof fn !== "function") return undefined;
  const permission = (fn as { permission?: unknown }).permission;
  return typeof permission === "string" ? permission : undefined;
}
