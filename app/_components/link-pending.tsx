"use client";
import { LoaderCircle } from "lucide-react";
import { useLinkStatus } from "next/link";

/**
 * Put inside a <Link>: while the page it leads to is on its way, a spinner beside the label and a
 * "Loading" announcement. Pages here have no loading.js on purpose: a route-level Suspense fallback
 * would stream every page, and a page that then finds a record missing could no longer answer 404.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <>
      <LoaderCircle aria-hidden className="ml-1 inline-block size-3.5 animate-spin align-[-0.125em]" data-testid="link-pending" />
      <span role="status" className="sr-only">Loading…</span>
    </>
  );
}
