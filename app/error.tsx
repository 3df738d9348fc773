"use client";
import { ErrorState } from "./_components/error-state";

// Pages outside a clinic or the console (sign-in, account, launch) that fail.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-6 py-24">
      <ErrorState error={error} retry={retry} />
    </main>
  );
}
