import "server-only";
import { randomToken } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { SWEEPABLE_STATUSES } from "@/lib/connections/status";
import { log } from "@/lib/log";
import { checkConnection } from "./check-connection";
import { acquireLease, completeLease } from "./lease";
import { sweepCredentialExpiry } from "./sweep-credential-expiry";

export const SWEEP_LEASE = "health-sweep";
/** Sent alerts and their delivery outcomes are kept this long. */
export const ALERT_RETENTION_DAYS = 90;
// Statuses worth checking: working ones, and `error`, which recovers on its own. A
// connection that needs reauthorization is not refreshed again until someone reconnects.

/**
 * Checks every connection that has a grant, one process at a time (a lease), and drops
 * health history and webhook deliveries older than their retention periods, and day-old
 * Connect attempts.
 */
export async function runSweep(holder = randomToken(9)) {
  const config = env();
  const leaseMs = config.HEALTH_SWEEP_INTERVAL_SECONDS * 1000;
  if (!(await acquireLease(SWEEP_LEASE, holder, leaseMs))) return { ran: false as const };
  const started = Date.now();
  // Ends first: an ended credential is marked expired rather than tried and refused.
  await sweepCredentialExpiry();
  const connections = await db().vcsConnection.findMany({ where: { status: { in: SWEEPABLE_STATUSES }, grant: { isNot: null } }, select: { id: true } });
  const results = [];
  for (const { id } of connections) {
    // A sweep longer than the interval keeps its lease, so no second sweep overlaps it;
    // if another process took it meanwhile, that one carries on.
    if (!(await acquireLease(SWEEP_LEASE, holder, leaseMs))) break;
    try {
      results.push(await checkConnection(id));
    } catch (error) {
      log().error({ err: error, connectionId: id }, "health check failed unexpectedly");
    }
  }
  const cutoff = new Date(Date.now() - config.HEALTH_RETENTION_DAYS * 86_400_000);
  await db().healthEvent.deleteMany({ where: { createdAt: { lt: cutoff } } });
  // Old deliveries: their payloads are of no further use, and a smaller log is a smaller leak.
  await db().webhookDelivery.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - config.WEBHOOK_DELIVERY_RETENTION_DAYS * 86_400_000) } } });
  // Alerts are a log, not an archive.
  await db().alert.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - ALERT_RETENTION_DAYS * 86_400_000) } } });
  // Spent or expired Connect attempts serve no purpose after a day.
  await db().authorizationRequest.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 86_400_000) } } });
  await completeLease(SWEEP_LEASE, holder);
  const summary = { ran: true as const, checked: results.length, failed: results.filter((r) => !r.ok).length, durationMs: Date.now() - started };
  log().info(summary, "health sweep finished");
  return summary;
}
