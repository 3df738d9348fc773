import { checkHealth } from "@/lib/health/check-health";
import { withPublic } from "@/lib/http/with-public";

// GET /api/health – liveness and database reachability; no PHI
export const GET = withPublic(
  async () => {
    const health = await checkHealth();
    return Response.json(health, { status: health.ok ? 200 : 503 });
  },
  { permission: "public", reason: "load balancers and uptime checks" },
);
