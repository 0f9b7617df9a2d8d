import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseOrgRole } from "@/lib/access/roles";
import type { MemberInput } from "./schemas";

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
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
  if (!user) {
    throw new AppError("not_found", { field: "email", detail: "nobody with this email has signed in here yet; ask them to sign in once" });
  }
  const organizationId = access.organization.id;
  const where = { organizationId_userId: { organizationId, userId: user.id } };
  await db().$transaction(async (tx) => {
    // The current role is read here, inside the transaction, so a change made since the
    // caller looked (someone promoted to owner meanwhile) is judged by what it is now.
    const existing = await tx.membership.findUnique({ where });
    if (input.role === "owner" || existing?.role === "owner") requireRole(access, "owner");
    // Counted in the transaction, so two owners demoting each other cannot both succeed.
    if (existing?.role === "owner" && input.role !== "owner" && (await tx.membership.count({ where: { organizationId, role: "owner" } })) <= 1) {
      throw new AppError("last_owner", { field: "role" });
    }
    await tx.membership.upsert({
      where,
      create: { organizationId, userId: user.id, role: input.role },
      update: { role: input.role },
    });
    await recordAuditEvent(tx, {
      organizationId,
      actor: access.actor,
      action: existing ? "member.role_changed" : "member.added",
      target: { type: "user", id: user.id },
      before: existing ? { role: existing.role } : null,
      after: { email: input.email, role: input.role },
    });
  });
}
