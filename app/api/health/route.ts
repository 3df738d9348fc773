import { checkHealth } from "@/lib/health/check-health";

// GET /api/health – liveness and database reachability; public, no PHI.
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
}
