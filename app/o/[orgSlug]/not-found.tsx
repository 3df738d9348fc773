"use client";
import { useParams } from "next/navigation";
import { NotFoundState } from "@/app/_components/not-found-state";

// Inside the clinic's shell: a patient, prep sheet or screening type that is not in this clinic.
export default function ClinicNotFound() {
  const { orgSlug } = useParams<{ orgSlug: string }>();
  return (
    <NotFoundState title="Not found in this clinic" href={`/o/${orgSlug}/schedule`} linkLabel="Back to the schedule">
      There is no such record in this clinic, or it is not yours to open.
    </NotFoundState>
  );
}
