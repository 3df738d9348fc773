import type { Metadata } from "next";
import { NotFoundState } from "./_components/not-found-state";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24">
      <NotFoundState title="Page not found" href="/" linkLabel="Go to my schedule">
        This address does not lead to a page, or to one you can open.
      </NotFoundState>
    </main>
  );
}
