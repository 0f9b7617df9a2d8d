import "server-only";
import type { Actor } from "@/lib/access/actor";
import type { Database } from "@/lib/db/client";
import type { AuditAction, AuditTargetOf } from "./catalog";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export type AuditInput<A extends AuditAction = AuditAction> = {
  organizationId: string;
  actor: Actor;
  /** An action from the catalog (lib/audit/catalog.ts), about a target of the kind it names. */
  action: A;
  target: { type: AuditTargetOf<A>; id: string };
  /** Plain, secret-free snapshots; callers pass only whitelisted fields. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** What every audit record stores of its event, organization-wide or instance-wide. */
export function auditFields<A extends AuditAction>(event: Pick<AuditInput<A>, "action" | "target" | "before" | "after">) {
  return {
    action: event.action,
    targetType: event.target.type,
    targetId: event.target.id,
    before: event.before ? JSON.stringify(event.before) : null,
    after: event.after ? JSON.stringify(event.after) : null,
  };
}

/** Writes an audit event inside the caller's transaction, so the change and its record land together. */
export async function recordAuditEvent<A extends AuditAction>(tx: Transaction | Database, event: AuditInput<A>): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: event.organizationId,
      actorType: event.actor.type,
      actorUserId: event.actor.type === "system" ? null : event.actor.userId,
      actorLabel: event.actor.label,
      ...auditFields(event),
    },
  });
}

export type { Transaction };
