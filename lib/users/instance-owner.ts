import "server-only";
import type { InstanceActor } from "@/lib/audit/record-instance-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** The instance owner's name and email, for pages that tell people whom to ask. */
export async function instanceOwnerContact(): Promise<{ name: string | null; email: string | null } | null> {
  const instance = await db().instance.findUnique({ where: { id: 1 }, select: { owner: { select: { name: true, email: true } } } });
  return instance?.owner ?? null;
}

/** The caller as an instance-wide actor, if (and only if) they own the instance now. */
export async function requireInstanceOwner(user: { id: string; name?: string | null; email?: string | null }): Promise<InstanceActor> {
  const instance = await db().instance.findUnique({ where: { id: 1 }, select: { ownerUserId: true } });
  if (instance?.ownerUserId !== user.id) throw new AppError("instance_owner_required");
  return { userId: user.id, label: user.name ?? user.email ?? user.id };
}
