import { liveData, sessionRoute } from "@/lib/api/session-route";
import { organizationStatus } from "@/lib/health/organization-status";

export const GET = sessionRoute({ role: "member", name: "organization status" }, async (_request, _params, access) =>
  liveData(await organizationStatus(access.organization.id)),
);
