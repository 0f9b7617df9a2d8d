import "server-only";
import type { Actor } from "@/lib/access/actor";
import { recordAuditEvent, type Transaction } from "@/lib/audit/record-audit-event";
import type { ErrorCode } from "@/lib/errors/codes";
import type { ConnectionStatus } from "./status";

type Subject = { id: string; organizationId: string; status: string };

/**
 * Moves a connection to another status with its reason, and records the change twice:
 * in the health timeline and in the audit log (by the system, or by a person).
 */
export async function changeStatus(tx: Transaction, connection: Subject, to: ConnectionStatus, reason: ErrorCode | null, actor: Actor) {
  if (connection.status === to) return;
  const now = new Date();
  await tx.vcsConnection.update({
    where: { id: connection.id },
    data: { status: to, lastErrorCode: reason, lastErrorAt: reason ? now : null },
  });
  await tx.healthEvent.create({
    data: { connectionId: connection.id, kind: "status", ok: reason === null, errorCode: reason, fromStatus: connection.status, toStatus: to, createdAt: now },
  });
  await recordAuditEvent(tx, {
    organizationId: connection.organizationId,
    actor,
    action: "connection.status_changed",
    target: { type: "connection", id: connection.id },
    before: { status: connection.status },
    after: { status: to, reason },
  });
}

export const SYSTEM: Actor = { type: "system", label: "system" };
