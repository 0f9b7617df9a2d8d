import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { getConnection } from "@/lib/connections/read-connections";
import { loadConnection } from "@/lib/connections/load-connection";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { consumerUsage } from "@/lib/connections/consumer-usage";
import { checkConnection } from "./check-connection";

/**
 * Everything the admin's connection page shows about health, for the first render and
 * for each poll: the connection, recent checks, refreshes and status changes, and audit.
 */
export async function connectionHealth(access: OrgAccess, id: string) {
  const connection = await getConnection(access, id);
  const [events, audit, usage] = await Promise.all([
    db().healthEvent.findMany({ where: { connectionId: id }, orderBy: { createdAt: "desc" }, take: 30 }),
    listAuditEvents(access.organization.id, { targetId: id, limit: 10 }),
    usageOf(id),
  ]);
  const lastCheck = events.find((event) => event.kind === "check") ?? null;
  return {
    connection,
    usage,
    lastCheck: lastCheck ? { at: lastCheck.createdAt.toISOString(), ok: lastCheck.ok, latencyMs: lastCheck.latencyMs, errorCode: lastCheck.errorCode } : null,
    timeline: events.map((event) => ({
      id: event.id,
      at: event.createdAt.toISOString(),
      kind: event.kind as "check" | "refresh" | "status",
      ok: event.ok,
      latencyMs: event.latencyMs,
      errorCode: event.errorCode,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
    })),
    audit: audit.map((event) => ({ id: event.id, at: event.at.toISOString(), actor: event.actor, label: event.label })),
  };
}

/** The connection's OAuth consumer's calls in the rolling hour, and when the sweep checks it next. */
async function usageOf(id: string) {
  const row = await db().vcsConnection.findUniqueOrThrow({ where: { id }, select: { hostUrl: true, clientId: true, nextCheckAt: true } });
  const consumer = row.clientId ? await consumerUsage({ hostUrl: row.hostUrl, clientId: row.clientId }) : null;
  return { consumer, nextCheckAt: row.nextCheckAt?.toISOString() ?? null };
}

export type ConnectionHealth = Awaited<ReturnType<typeof connectionHealth>>;

/** "Check now": an admin runs a health check at once instead of waiting for the sweep. */
export async function testConnectionNow(access: OrgAccess, id: string) {
  requireRole(access, "admin");
  const connection = await loadConnection(access, id);
  if (!connection.grant) throw new AppError("invalid_state_change", { detail: "connect first: there is nothing to test" });
  return checkConnection(id);
}
