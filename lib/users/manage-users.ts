import "server-only";
import { recordInstanceAuditEvent, type InstanceActor } from "@/lib/audit/record-instance-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** Everyone who has signed in here, for the instance owner. */
export async function listUsers() {
  const users = await db().user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, image: true, role: true, blockedAt: true, createdAt: true, _count: { select: { memberships: true } } },
  });
  return users.map(({ _count, role, ...user }) => ({ ...user, isInstanceOwner: role === "owner", organizations: _count.memberships }));
}

/**
 * Hands the instance to someone else who has signed in. The claim row and both users'
 * roles change in one transaction, conditionally on the caller still holding it, so two
 * concurrent hand-overs cannot both win. The previous owner keeps their organizations.
 */
export async function transferInstanceOwnership(actor: InstanceActor, userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, blockedAt: true } });
    if (!target) throw new AppError("not_found", { detail: "user" });
    if (target.blockedAt) throw new AppError("user_blocked");
    if (target.id === actor.userId) return;
    const { count } = await tx.instance.updateMany({ where: { id: 1, ownerUserId: actor.userId }, data: { ownerUserId: target.id } });
    if (count === 0) throw new AppError("instance_owner_required");
    await tx.user.update({ where: { id: actor.userId }, data: { role: "member" } });
    await tx.user.update({ where: { id: target.id }, data: { role: "owner" } });
    await recordInstanceAuditEvent(tx, {
      actor,
      action: "instance.owner_transferred",
      target: { type: "user", id: target.id },
      before: { ownerUserId: actor.userId },
      after: { ownerUserId: target.id, email: target.email },
    });
  });
}

/**
 * Stops someone signing in: their sessions end now (every page checks the session in
 * the database), later sign-ins are refused, and their API tokens stop working.
 * Memberships are kept, so unblocking restores what they had.
 */
export async function blockUser(actor: InstanceActor, userId: string): Promise<{ endedSessions: number }> {
  return db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, blockedAt: true } });
    if (!target) throw new AppError("not_found", { detail: "user" });
    if (target.role === "owner" || target.id === actor.userId) throw new AppError("instance_owner_protected");
    if (target.blockedAt) return { endedSessions: 0 };
    await tx.user.update({ where: { id: target.id }, data: { blockedAt: new Date() } });
    const { count } = await tx.session.deleteMany({ where: { userId: target.id } });
    await recordInstanceAuditEvent(tx, {
      actor,
      action: "user.blocked",
      target: { type: "user", id: target.id },
      before: { email: target.email, blocked: false },
      after: { blocked: true, endedSessions: count },
    });
    return { endedSessions: count };
  });
}

export async function unblockUser(actor: InstanceActor, userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, blockedAt: true } });
    if (!target) throw new AppError("not_found", { detail: "user" });
    if (!target.blockedAt) return;
    await tx.user.update({ where: { id: target.id }, data: { blockedAt: null } });
    await recordInstanceAuditEvent(tx, {
      actor,
      action: "user.unblocked",
      target: { type: "user", id: target.id },
      before: { email: target.email, blocked: true },
      after: { blocked: false },
    });
  });
}
