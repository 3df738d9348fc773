"use client";
import { ErrorState } from "@/app/_components/error-state";

export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorState error={error} retry={retry} />;
}
