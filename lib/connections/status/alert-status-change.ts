import "server-only";
import type { Actor } from "@/lib/access/actor";
import type { Transaction } from "@/lib/audit/record-audit-event";
import { isAlerting, isWorking, STATUS_WORDS, type ConnectionStatus } from "@/lib/connections/status";
import { describeError, type ErrorCode } from "@/lib/errors/codes";
import { connectionPath, enqueueAlert } from "@/lib/alerts/enqueue-alert";

type Subject = { id: string; organizationId: string; status: string };

/**
 * The alert for a status change, if it deserves one: a connection turning error, needs
 * reauthorization, missing permissions or expired, and one recovering from those. Changes
 * people make while setting up (a first Connect that fails) are theirs to see, not to page about.
 */
export async function alertStatusChange(tx: Transaction, connection: Subject, to: ConnectionStatus, reason: ErrorCode | null, actor: Actor, at: Date) {
  const from = connection.status;
  if (from === to) return;
  const noticedBySystem = actor.type === "system" || isWorking(from);
  const { slug } = await tx.organization.findUniqueOrThrow({ where: { id: connection.organizationId }, select: { slug: true } });
  const { name } = await tx.vcsConnection.findUniqueOrThrow({ where: { id: connection.id }, select: { name: true } });
  const path = connectionPath(slug, connection.id);
  const dedupeKey = `status:${connection.id}:${to}:${at.getTime()}`;
  const words = STATUS_WORDS[to];
  if (isAlerting(to) && noticedBySystem) {
    const why = reason ? describeError(reason) : null;
    await enqueueAlert(tx, connection.organizationId, connection.id, {
      kind: to === "expired" ? "credential_expired" : "connection_failing",
      dedupeKey,
      title: `${name}: ${words.label.toLowerCase()}`,
      happened: `${words.label}. ${why ? why.message : words.summary}`,
      fix: why?.hint ?? words.fix,
      severity: to === "missing_permissions" ? "warning" : "bad",
      path,
    });
  } else if (isAlerting(from) && isWorking(to)) {
    await enqueueAlert(tx, connection.organizationId, connection.id, {
      kind: "connection_recovered",
      dedupeKey,
      title: `${name}: recovered`,
      happened: `${name} is working again (it was ${STATUS_WORDS[from as ConnectionStatus]?.label.toLowerCase() ?? from}).`,
      fix: null,
      severity: "good",
      path,
    });
  }
}
