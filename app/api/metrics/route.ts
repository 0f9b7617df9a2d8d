import { jsonError } from "@/lib/api/api-route";
import { isAppError } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/codes";
import { authorizeScrape, readMetrics } from "@/lib/health/read-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint, behind METRICS_TOKEN. */
export async function GET(request: Request) {
  try {
    authorizeScrape(request.headers.get("authorization"));
  } catch (error) {
    if (isAppError(error)) return jsonError(error.httpStatus, describeError(error.code));
    throw error;
  }
  const { contentType, body } = await readMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
