import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/**
 * Revokes a token at once: its next request gets 401. Anyone may revoke their own;
 * owners and admins may revoke any in the organization (a leaked token cannot wait for
 * its creator). Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(access: OrgAccess, id: string): Promise<{ revokedAt: Date }> {
  const token = await db().apiToken.findFirst({
    where: { id, organizationId: access.organization.id },
    select: { id: true, name: true, prefix: true, userId: true, revokedAt: true },
  });
  if (!token) throw new AppError("not_found", { detail: "API token" });
  if (token.userId !== access.actor.userId) requireRole(access, "admin");
  if (token.revokedAt) return { revokedAt: token.revokedAt };

  const revokedAt = new Date();
  await db().$transaction(async (tx) => {
    // Conditional, so two concurrent revocations record one event.
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) return;
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "api_token.revoked",
      target: { type: "api_token", id },
      before: { name: token.name, prefix: token.prefix, ownerUserId: token.userId },
      after: { revoked: true },
    });
  });
  return { revokedAt };
}
