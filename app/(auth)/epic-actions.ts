"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { epicClinicCookie } from "@/lib/auth/epic-clinic-cookie";
import { publicAction } from "@/lib/http/session-action";
import { orgSlugSchema } from "@/lib/organizations/organization-schemas";

const schema = z.object({ clinic: orgSlugSchema });

// Starts "Sign in with Epic" for the chosen clinic.
export const signInWithEpicAction = publicAction(
  { permission: "public", reason: "signed-out users start Epic sign-in here" },
  async (_meta, form: FormData): Promise<void> => {
    const parsed = schema.safeParse({ clinic: form.get("clinic") });
    if (!parsed.success) redirect("/sign-in?error=ChooseClinic");
    (await cookies()).set(epicClinicCookie.name, parsed.data.clinic, epicClinicCookie.options);
    await signIn("epic", { redirectTo: `/o/${parsed.data.clinic}/schedule` });
  },
);
