import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { normalizeScopes } from "@/lib/vcs/bitbucket-cloud/scopes";
import { BITBUCKET_CLOUD_API_URL, BITBUCKET_CLOUD_HOST_URL } from "./defaults";
import { PROFILES } from "./profiles";
import type { DraftInput } from "./schemas";

/**
 * Creates a draft first, so its real callback URL ({APP_URL}/callback/v1/vcs/{id}) is
 * known before the admin creates the consumer on Bitbucket: no placeholder to edit later.
 */
export async function createDraftConnection(access: OrgAccess, input: DraftInput) {
  requireRole(access, "admin");
  const scopes = normalizeScopes(input.profile === "custom" ? (input.scopes ?? []) : PROFILES[input.profile].scopes);
  try {
    return await db().$transaction(async (tx) => {
      const connection = await tx.vcsConnection.create({
        data: {
          organizationId: access.organization.id,
          provider: "bitbucket_cloud",
          name: input.name,
          hostUrl: BITBUCKET_CLOUD_HOST_URL,
          apiUrl: BITBUCKET_CLOUD_API_URL,
          profile: input.profile,
          requiredScopes: scopes.join(" "),
          status: "draft",
        },
      });
      await recordAuditEvent(tx, {
        organizationId: access.organization.id,
        actor: access.actor,
        action: "connection.created",
        target: { type: "connection", id: connection.id },
        after: { name: input.name, profile: input.profile, requiredScopes: scopes },
      });
      return connection;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("name_taken", { field: "name" });
    throw error;
  }
}
