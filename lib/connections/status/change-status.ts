import "server-only";
import type { Actor } from "@/lib/access/actor";
import { alertStatusChange } from "@/lib/connections/status/alert-status-change";
import { recordAuditEvent, type AuditInput, type Transaction } from "@/lib/audit/record-audit-event";
import type { ErrorCode } from "@/lib/errors/codes";
import { invalidateStatus } from "@/lib/connections/status/status-cache";
import type { ConnectionStatus } from "./index";

type Subject = { id: string; organizationId: string; status: string };

type Change = {
  actor: Actor;
  /** Why, for a failure; null clears the connection's last error. */
  reason?: ErrorCode | null;
  /** Other columns written in the same update (new credentials, for example). */
  data?: {
    clientId?: string;
    clientSecretSealed?: string;
    hostUrl?: string;
    apiUrl?: string;
    consumerKind?: string;
    verifiedAt?: Date;
    /** A replaced access token's or API token's end, and the email an API token is used with. */
    credentialExpiresAt?: Date;
    credentialEmail?: string | null;
  };
  /** The use case's own audit entry, recorded even when the status stays; without one, a change is audited as `connection.status_changed`. */
  audit?: Pick<AuditInput, "action" | "before" | "after">;
};

/**
 * The one way a connection's status changes. Writes the status with its reason and records
 * the change in the audit log; a change the system made (a check, a refused refresh) is
 * also recorded in the health timeline, and failures and recoveries are alerted. Without a
 * use case's own audit entry or other columns, moving to the status a connection already
 * has does nothing.
 */
export async function changeStatus(tx: Transaction, connection: Subject, to: ConnectionStatus, change: Change) {
  const reason = change.reason ?? null;
  const changed = connection.status !== to;
  if (!changed && !change.audit && !change.data) return;
  const now = new Date();
  await tx.vcsConnection.update({
    where: { id: connection.id },
    // After any change (status, grant, credentials) the health sweep looks again at its next run, then backs off.
    data: { ...change.data, status: to, lastErrorCode: reason, lastErrorAt: reason ? now : null, nextCheckAt: null, checkBackoffSeconds: null },
  });
  // The health timeline shows what the system noticed; what people did is in the audit log.
  if (changed && change.actor.type === "system") {
    await tx.healthEvent.create({
      data: { connectionId: connection.id, kind: "status", ok: reason === null, errorCode: reason, fromStatus: connection.status, toStatus: to, createdAt: now },
    });
  }
  // Status pages in this process show the change at once (other instances within their cache's lifetime).
  if (changed) invalidateStatus(connection.organizationId);
  // The organization hears of failures and recoveries from the same transaction.
  if (changed) await alertStatusChange(tx, connection, to, reason, change.actor, now);
  const audit = change.audit ?? (changed ? { action: "connection.status_changed", before: { status: connection.status }, after: { status: to, reason } } : null);
  if (!audit) return;
  await recordAuditEvent(tx, { organizationId: connection.organizationId, actor: change.actor, target: { type: "connection", id: connection.id }, ...audit });
}

export const SYSTEM: Actor = { type: "system", label: "system" };
