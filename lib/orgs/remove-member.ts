import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent, type Transaction } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { lockMemberships } from "./lock-memberships";
import { AppError } from "@/lib/errors/app-error";

export type RemovalResult = { userId: string; revokedTokens: number };

/**
 * Takes someone out of the organization. Owners and admins remove members and admins;
 * only owners remove an owner; the last owner stays. The person's API tokens for this
 * organization are revoked and their unfinished Connect attempts dropped in the same
 * transaction, so their next request, by browser or token, no longer reaches it.
 * Connections, projects and the audit log they contributed to are kept.
 */
export async function removeMember(access: OrgAccess, userId: string): Promise<RemovalResult> {
  if (userId === access.actor.userId) return leaveOrganization(access);
  requireRole(access, "admin");
  return removeMembership(access, userId, "member.removed");
}

/** Leaves the organization oneself, under the same rules (the last owner cannot leave). */
export async function leaveOrganization(access: OrgAccess): Promise<RemovalResult> {
  return removeMembership(access, access.actor.userId, "member.left");
}

async function removeMembership(access: OrgAccess, userId: string, action: "member.removed" | "member.left") {
  const organizationId = access.organization.id;
  return db().$transaction(async (tx) => {
    await lockMemberships(tx, organizationId);
    // Read under the lock: the role (and the owner count) is the one in force now.
    const membership = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId } },
      select: { id: true, role: true, user: { select: { email: true, name: true } } },
    });
    if (!membership) throw new AppError("not_found", { detail: "member" });
    if (membership.role === "owner") {
      if (action === "member.removed" && access.role !== "owner") throw new AppError("owner_removal_forbidden");
      if ((await tx.membership.count({ where: { organizationId, role: "owner" } })) <= 1) throw new AppError("last_owner_removal");
    }
    const { count } = await tx.membership.deleteMany({ where: { id: membership.id, role: membership.role } });
    if (count === 0) throw new AppError("invalid_state_change", { detail: "the member's role changed meanwhile" });
    const revokedTokens = await revokeAccessOf(tx, organizationId, userId);
    await recordAuditEvent(tx, {
      organizationId,
      actor: access.actor,
      action,
      target: { type: "user", id: userId },
      before: { email: membership.user.email, name: membership.user.name, role: membership.role },
      after: { revokedApiTokens: revokedTokens },
    });
    return { userId, revokedTokens };
  });
}

/** What a departing person held in the organization: API tokens and pending Connect attempts. */
async function revokeAccessOf(tx: Transaction, organizationId: string, userId: string): Promise<number> {
  const { count } = await tx.apiToken.updateMany({ where: { organizationId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await tx.authorizationRequest.deleteMany({ where: { userId, consumedAt: null, connection: { organizationId } } });
  return count;
}
