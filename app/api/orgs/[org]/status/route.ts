import { sessionRoute } from "@/lib/api/session-route";
import { organizationStatus } from "@/lib/health/organization-status";

export const GET = sessionRoute({ role: "member", name: "organization status" }, async (_request, _params, access) =>
  Response.json({ data: await organizationStatus(access.organization.id) }, { headers: { "cache-control": "no-store" } }),
);
