import "server-only";
import { timingSafeEqual } from "node:crypto";
import { CONNECTION_STATUSES } from "@/lib/connections/status";
import { sha256 } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { SWEEP_LEASE } from "@/lib/health/run-sweep";
import { metrics } from "@/lib/metrics/registry";

const CHECKED = ["connected", "missing_permissions", "error"];

/** METRICS_TOKEN as a bearer token, compared in constant time; without METRICS_TOKEN there is no endpoint. */
export function authorizeScrape(authorization: string | null): void {
  const expected = env().METRICS_TOKEN;
  if (!expected) throw new AppError("not_found");
  const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1] ?? "";
  // Hashing first gives both sides one length, so the comparison leaks nothing.
  if (!timingSafeEqual(Buffer.from(sha256(given)), Buffer.from(sha256(expected)))) throw new AppError("unauthenticated");
}

/**
 * The Prometheus text exposition: this process's counters, and figures read from the
 * database (the same from every instance): connections by status, how overdue the
 * health sweep is, when it last completed.
 */
export async function readMetrics(): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  const now = Date.now();
  const [byStatus, mostOverdue, lease] = await Promise.all([
    db().vcsConnection.groupBy({ by: ["status"], _count: { _all: true } }),
    db().vcsConnection.findFirst({
      where: { status: { in: CHECKED }, grant: { isNot: null }, nextCheckAt: { lte: new Date(now) } },
      orderBy: { nextCheckAt: "asc" },
      select: { nextCheckAt: true },
    }),
    db().lease.findUnique({ where: { name: SWEEP_LEASE }, select: { lastCompletedAt: true } }),
  ]);
  m.connections.reset();
  for (const status of CONNECTION_STATUSES) m.connections.set({ status }, 0);
  for (const group of byStatus) m.connections.set({ status: group.status }, group._count._all);
  m.sweepLag.set(mostOverdue?.nextCheckAt ? (now - mostOverdue.nextCheckAt.getTime()) / 1000 : 0);
  if (lease?.lastCompletedAt) m.sweepLastCompleted.set(lease.lastCompletedAt.getTime() / 1000);
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
