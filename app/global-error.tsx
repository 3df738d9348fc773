"use client";
import "./globals.css";
import { ErrorState } from "./_components/error-state";

// The root layout itself failed: this replaces the whole document, so it brings its own html and styles.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>Something went wrong · HealthPrep</title>
        <main className="mx-auto max-w-xl px-6 py-24">
          <ErrorState error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
