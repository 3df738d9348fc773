import { withOrg } from "@/lib/http/with-org";
import { getScheduleDay } from "@/lib/schedule/get-schedule-day";
import { resolveScheduleScope } from "@/lib/schedule/resolve-schedule-scope";
import { scheduleQuerySchema } from "@/lib/schedule/schedule-schemas";

// GET /api/orgs/:orgSlug/schedule?date=YYYY-MM-DD&who=me|clinic – prep and document progress (ids and statuses, no names)
export const GET = withOrg(
  async (request, ctx) => {
    const { date, who } = scheduleQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const scope = await resolveScheduleScope(ctx.db, { organizationId: ctx.organization.id, userId: ctx.actor.userId, role: ctx.role, who });
    const day = await getScheduleDay(ctx.db, { organizationId: ctx.organization.id, timeZone: ctx.organization.timeZone, date, practitionerId: scope.practitionerId });
    return Response.json({ ...day, who: scope.who, rows: day.rows.map(({ ehrPatientId: _e, ...row }) => row) });
  },
  { permission: "schedule.read" },
);
