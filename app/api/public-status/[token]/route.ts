import { failureResponse } from "@/lib/api/failure-response";
import { liveData } from "@/lib/api/session-route";
import { AppError } from "@/lib/errors/app-error";
import { organizationByStatusToken } from "@/lib/health/public-status";
import { organizationStatus } from "@/lib/health/organization-status";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const organization = await organizationByStatusToken((await params).token);
  if (!organization) return failureResponse(new AppError("status_page_unknown"), { route: "public status", as: "json" });
  return liveData(await organizationStatus(organization.id));
}
