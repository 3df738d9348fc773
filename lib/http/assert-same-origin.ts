import { AppError } from "@/lib/errors";
import type { RequestMeta } from "./request-meta";

/** CSRF defence for state-changing requests: the browser's Origin must be this host. */
export function assertSameOrigin(meta: RequestMeta): void {
  if (!meta.origin || !meta.host) throw new AppError("forbidden", "missing Origin on a state-changing request");
  let originHost: string;
  try {
    originHost = new URL(meta.origin).host;
  } catch {
    throw new AppError("forbidden", "malformed Origin");
  }
  if (originHost !== meta.host) throw new AppError("forbidden", "cross-origin state-changing request");
}
