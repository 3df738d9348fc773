"use client";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * What a route's error boundary shows. Never the error's message: from the server it is a generic
 * text anyway, and a message thrown in the browser could carry what was on screen. The digest is
 * the server log's reference for the same failure, so support can find it without PHI changing hands.
 */
export function ErrorState({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div role="alert" className="grid place-items-center rounded-xl border bg-card px-6 py-16 text-center" data-testid="error-state">
      <TriangleAlert className="mb-3 size-10 text-destructive/70" aria-hidden />
      <h2 className="text-base font-medium">This page could not be loaded</h2>
      <p className="mt-1 max-w-md text-sm text-muted-foreground">
        Something went wrong on our side. Try again; if it keeps happening, tell your administrator
        {digest ? ` and quote reference ${digest}` : ""}.
      </p>
      <div className="mt-4 flex gap-2">
        <Button type="button" onClick={() => retry()}>Try again</Button>
        {/* A full page load, not a client navigation: it starts again from a clean state. */}
        <a href="/" className="inline-flex h-9 items-center rounded-md border border-input bg-background px-4 text-sm font-medium shadow-sm hover:bg-accent">
          Go to my schedule
        </a>
      </div>
    </div>
  );
}
