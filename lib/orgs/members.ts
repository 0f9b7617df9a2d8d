import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { lockMemberships } from "./lock-memberships";
import { AppError } from "@/lib/errors/app-error";
import { parseOrgRole, type OrgRole } from "@/lib/access/roles";
import type { MemberInput, RoleChangeInput } from "./schemas";

export async function listMembers(organizationId: string) {
  const memberships = await db().membership.findMany({
    where: { organizationId },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      createdAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          image: true,
          // What removing them revokes, so the confirmation can say it.
          _count: { select: { apiTokens: { where: { organizationId, revokedAt: null } } } },
        },
      },
    },
  });
  return memberships.map(({ user: { _count, ...user }, role, createdAt }) => ({
    ...user,
    role: parseOrgRole(role),
    since: createdAt,
    activeApiTokens: _count.apiTokens,
  }));
}

/**
 * Adds someone who has signed in here before, or changes their role. Admins manage
 * members and admins; only owners grant or take away ownership.
 */
export async function setMember(access: OrgAccess, input: MemberInput) {
  requireRole(access, "admin");
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!user) {
    throw new AppError("not_found", { field: "email", detail: "nobody with this email has signed in here yet; ask them to sign in once" });
  }
  await applyRole(access, user.id, input.role, { addWithEmail: input.email });
}

/** Changes a member's role, from their row on the Members page; under the same rules as setMember. */
export async function changeMemberRole(access: OrgAccess, input: RoleChangeInput) {
  requireRole(access, "admin");
  await applyRole(access, input.userId, input.role, {});
}

/** Sets the role of a member, or of someone not yet one when `addWithEmail` says they are to be added. */
async function applyRole(access: OrgAccess, userId: string, role: OrgRole, options: { addWithEmail?: string }) {
  const organizationId = access.organization.id;
  const where = { organizationId_userId: { organizationId, userId } };
  await db().$transaction(async (tx) => {
    await lockMemberships(tx, organizationId);
    // The current role is read here, inside the transaction, so a change made since the
    // caller looked (someone promoted to owner meanwhile) is judged by what it is now.
    const existing = await tx.membership.findUnique({ where, select: { role: true, user: { select: { email: true } } } });
    if (!existing && !options.addWithEmail) throw new AppError("not_found", { detail: "member" });
    if (role === "owner" || existing?.role === "owner") requireRole(access, "owner");
    if (existing?.role === role) return;
    // Counted under the lock, so two owners demoting each other cannot both succeed.
    if (existing?.role === "owner" && (await tx.membership.count({ where: { organizationId, role: "owner" } })) <= 1) {
      throw new AppError("last_owner", { field: "role" });
    }
    await tx.membership.upsert({ where, create: { organizationId, userId, role }, update: { role } });
    await recordAuditEvent(tx, {
      organizationId,
      actor: access.actor,
      action: existing ? "member.role_changed" : "member.added",
      target: { type: "user", id: userId },
      before: existing ? { role: existing.role } : null,
      after: { email: existing?.user.email ?? options.addWithEmail, role },
    });
  });
}
