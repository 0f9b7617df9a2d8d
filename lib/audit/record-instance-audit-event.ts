import "server-only";
import { db } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import type { AuditAction, AuditTargetOf } from "./catalog";
import { auditFields, type Transaction } from "./record-audit-event";

export type InstanceActor = { userId: string; label: string };

export type InstanceAuditInput<A extends AuditAction = AuditAction> = {
  actor: InstanceActor;
  /** From the audit catalog, like an organization's events. */
  action: A;
  target: { type: AuditTargetOf<A>; id: string };
  /** Plain, secret-free snapshots. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Records an instance-wide change (sign-in policy, instance owner, blocked users) in the caller's transaction. */
export async function recordInstanceAuditEvent<A extends AuditAction>(tx: Transaction | Database, event: InstanceAuditInput<A>): Promise<void> {
  await tx.instanceAuditEvent.create({
    data: {
      actorUserId: event.actor.userId,
      actorLabel: event.actor.label,
      ...auditFields(event),
    },
  });
}

/** The newest instance-wide changes, for the instance owner. */
export async function listInstanceAuditEvents(take = 20) {
  return db().instanceAuditEvent.findMany({ orderBy: { createdAt: "desc" }, take });
}
