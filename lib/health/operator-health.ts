import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { SWEEP_LEASE } from "./run-sweep";

/**
 * For operators and load balancers: is the database reachable, and has the sweep run
 * recently (within two intervals)? No organization data, no secrets.
 */
export async function operatorHealth() {
  let database = true;
  let lease: { lastCompletedAt: Date | null } | null = null;
  try {
    lease = await db().lease.findUnique({ where: { name: SWEEP_LEASE }, select: { lastCompletedAt: true } });
  } catch {
    database = false;
  }
  const intervalMs = env().HEALTH_SWEEP_INTERVAL_SECONDS * 1000;
  const lastRun = lease?.lastCompletedAt ?? null;
  const sweepCurrent = lastRun !== null && Date.now() - lastRun.getTime() < 2 * intervalMs;
  return {
    ok: database,
    database: database ? "reachable" : "unreachable",
    sweep: { lastCompletedAt: lastRun?.toISOString() ?? null, intervalSeconds: intervalMs / 1000, current: sweepCurrent },
  };
}
