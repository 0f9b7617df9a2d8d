import { jsonError } from "@/lib/api/api-route";
import { organizationByStatusToken } from "@/lib/health/public-status";
import { organizationStatus } from "@/lib/health/organization-status";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const organization = await organizationByStatusToken((await params).token);
  if (!organization) return jsonError(404, { code: "not_found", message: "No public status page here.", hint: "Ask the organization's admin for the current address." });
  return Response.json({ data: await organizationStatus(organization.id) }, { headers: { "cache-control": "no-store" } });
}
