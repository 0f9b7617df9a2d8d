import "server-only";
import { randomToken } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { SWEEPABLE_STATUSES } from "@/lib/connections/status";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { BACKGROUND_SHARE, CONSUMER_HOURLY_LIMIT, consumerId, dropOldCallCounts } from "@/lib/connections/consumer-usage";
import { interleave, runBounded } from "./bounded-pool";
import { checkConnection, type CheckResult } from "./check-connection";
import { acquireLease, completeLease } from "./lease";
import { sweepCredentialExpiry } from "./sweep-credential-expiry";

export const SWEEP_LEASE = "health-sweep";
/** Bitbucket calls one check may make at most (a refresh, the call, a retry after a 401). */
const CALLS_PER_CHECK = 3;
const LEASE_RENEW_MS = 5_000;
/** Sent alerts and their delivery outcomes are kept this long. */
export const ALERT_RETENTION_DAYS = 90;

/**
 * Marks credentials near or past their end (sweep-credential-expiry.ts), then checks the
 * connections that are due (see check-schedule.ts), one process at a time (a lease): several at once, at most a few per host, each within a deadline, organizations
 * taking turns, so one slow host or one large organization delays nobody else. Checks on
 * a consumer that has used 80 % of its hourly allowance wait for a later sweep. Also
 * drops health history, webhook deliveries and alerts past their retention, day-old
 * Connect attempts and old call counts.
 */
export async function runSweep(holder = randomToken(9)) {
  const config = env();
  const leaseMs = config.HEALTH_SWEEP_INTERVAL_SECONDS * 1000;
  if (!(await acquireLease(SWEEP_LEASE, holder, leaseMs))) return { ran: false as const };
  const started = Date.now();
  // Ends first: an ended credential is marked expired rather than tried and refused.
  await sweepCredentialExpiry();
  const now = new Date(started);
  const due = await db().vcsConnection.findMany({
    where: { status: { in: SWEEPABLE_STATUSES }, grant: { isNot: null }, OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }] },
    select: { id: true, organizationId: true, hostUrl: true, clientId: true, nextCheckAt: true },
    orderBy: [{ nextCheckAt: "asc" }, { id: "asc" }],
  });
  const oldestDue = Math.min(...due.map((c) => c.nextCheckAt?.getTime() ?? started), started);
  metrics().sweepLag.set((started - oldestDue) / 1000);

  const { runnable, deferred } = await withinConsumerBudgets(due, started);
  const results: CheckResult[] = [];
  let leaseCheckedAt = Date.now();
  await runBounded(
    interleave(runnable, (c) => c.organizationId),
    {
      concurrency: config.HEALTH_SWEEP_CONCURRENCY,
      perKey: config.HEALTH_SWEEP_PER_HOST,
      keyOf: (c) => new URL(c.hostUrl).host,
      // A sweep longer than the interval keeps its lease, so no second sweep overlaps it;
      // if another process took it meanwhile, that one carries on.
      shouldContinue: async () => {
        if (Date.now() - leaseCheckedAt < LEASE_RENEW_MS) return true;
        leaseCheckedAt = Date.now();
        return acquireLease(SWEEP_LEASE, holder, leaseMs);
      },
    },
    async ({ id }) => {
      try {
        const result = await checkConnection(id, { deadlineMs: config.HEALTH_CHECK_DEADLINE_SECONDS * 1000 });
        results.push(result);
        metrics().sweepChecks.inc({ result: result.ok ? "ok" : "failed" });
      } catch (error) {
        log().error({ err: error, connectionId: id }, "health check failed unexpectedly");
      }
    },
  );
  metrics().sweepChecks.inc({ result: "deferred" }, deferred);

  const cutoff = new Date(Date.now() - config.HEALTH_RETENTION_DAYS * 86_400_000);
  await db().healthEvent.deleteMany({ where: { createdAt: { lt: cutoff } } });
  // Old deliveries: their payloads are of no further use, and a smaller log is a smaller leak.
  await db().webhookDelivery.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - config.WEBHOOK_DELIVERY_RETENTION_DAYS * 86_400_000) } } });
  // Alerts are a log, not an archive.
  await db().alert.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - ALERT_RETENTION_DAYS * 86_400_000) } } });
  // Spent or expired Connect attempts serve no purpose after a day.
  await db().authorizationRequest.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 86_400_000) } } });
  await dropOldCallCounts();
  await completeLease(SWEEP_LEASE, holder);
  const summary = { ran: true as const, checked: results.length, failed: results.filter((r) => !r.ok).length, deferred, durationMs: Date.now() - started };
  metrics().sweepDuration.observe(summary.durationMs / 1000);
  log().info(summary, "health sweep finished");
  return summary;
}

type Due = { id: string; hostUrl: string; clientId: string | null };

/** The due checks that fit under 80 % of each consumer's hourly allowance; the rest wait. */
async function withinConsumerBudgets<T extends Due>(due: T[], now: number) {
  const used = await db().consumerCallCount.groupBy({ by: ["consumer"], where: { minute: { gt: new Date(now - 3_600_000) } }, _sum: { count: true } });
  const remaining = new Map(used.map((u) => [u.consumer, BACKGROUND_SHARE * CONSUMER_HOURLY_LIMIT - (u._sum.count ?? 0)]));
  const runnable: T[] = [];
  let deferred = 0;
  for (const connection of due) {
    if (!connection.clientId) continue;
    const id = consumerId({ hostUrl: connection.hostUrl, clientId: connection.clientId });
    const left = remaining.get(id) ?? BACKGROUND_SHARE * CONSUMER_HOURLY_LIMIT;
    if (left < CALLS_PER_CHECK) {
      deferred += 1;
      continue;
    }
    remaining.set(id, left - 1);
    runnable.push(connection);
  }
  if (deferred > 0) log().warn({ deferred }, "health checks deferred: their consumers are near Bitbucket's hourly limit");
  return { runnable, deferred };
}
