import { withOrg } from "@/lib/http/with-org";
import { getScheduleDay } from "@/lib/schedule/get-schedule-day";
import { scheduleQuerySchema } from "@/lib/schedule/schedule-schemas";

// GET /api/orgs/:orgSlug/schedule?date=YYYY-MM-DD – prep and document progress (ids and statuses, no names)
export const GET = withOrg(
  async (request, ctx) => {
    const { date } = scheduleQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const day = await getScheduleDay(ctx.db, { organizationId: ctx.organization.id, timeZone: ctx.organization.timeZone, date });
    return Response.json({ ...day, rows: day.rows.map(({ ehrPatientId: _e, ...row }) => row) });
  },
  { permission: "schedule.read" },
);
