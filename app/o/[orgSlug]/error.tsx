"use client";
import { ErrorState } from "@/app/_components/error-state";

// Inside the clinic's shell, so the navigation stays usable when one page fails.
export default function ClinicError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorState error={error} retry={retry} />;
}
