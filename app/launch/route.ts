import { cookies } from "next/headers";
import { signIn } from "@/lib/auth";
import { epicClinicCookie } from "@/lib/auth/epic-clinic-cookie";
import { isAppError } from "@/lib/errors";
import { withPublic } from "@/lib/http/with-public";
import { launchParamsSchema, resolveLaunch } from "@/lib/smart/resolve-launch";

// GET /launch?iss=…&launch=… – SMART EHR launch from Epic Hyperspace
export const GET = withPublic(
  async (request, { db, meta }) => {
    const url = new URL(request.url);
    const params = launchParamsSchema.parse(Object.fromEntries(url.searchParams));
    const result = await resolveLaunch(db, params, meta).catch((error: unknown) => {
      if (isAppError(error) && error.code === "forbidden") return { kind: "refused" as const };
      throw error;
    });
    if (result.kind === "refused") return Response.redirect(new URL("/launch/refused", url.origin), 303);
    if (result.kind === "choose") return Response.redirect(new URL(`/launch/choose${url.search}`, url.origin), 303);
    (await cookies()).set(epicClinicCookie.name, result.slug, epicClinicCookie.options);
    return signIn("epic", { redirectTo: `/o/${result.slug}/launch` }, result.authorizationParams);
  },
  { permission: "public", reason: "Epic opens the launch URL before anyone is signed in" },
);
