import { operatorHealth } from "@/lib/health/operator-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await operatorHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
