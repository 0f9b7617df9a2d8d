import "server-only";
import { createHash } from "node:crypto";
import { alertCallBudget } from "@/lib/alerts/source-alerts";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { log } from "@/lib/log";
import { withCallContext } from "@/lib/http/call-context";
import { metrics } from "@/lib/metrics/registry";

/** Bitbucket's allowance per OAuth consumer and rolling hour (repository and webhook APIs). */
export const CONSUMER_HOURLY_LIMIT = 1_000;
/** Background work slows down from this share of the allowance. */
export const BACKGROUND_SHARE = 0.8;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export type Consumer = { hostUrl: string; clientId: string };

/**
 * What is counted against a consumer: a call this instance made with it (`api`), a service's
 * call through the proxy (`proxy`), and an access token handed to a service (`token_issued`),
 * which then spends the allowance where we cannot see it.
 */
export const CONSUMER_USES = ["api", "proxy", "token_issued"] as const;
export type ConsumerUse = (typeof CONSUMER_USES)[number];

/** A consumer's identity for counting: its host and key, hashed (the key stays out of counters). */
export function consumerId({ hostUrl, clientId }: Consumer): string {
  return createHash("sha256").update(`${new URL(hostUrl).host}\n${clientId}`).digest("hex").slice(0, 32);
}

/** How metrics name a consumer: its host and the key's last four characters, as the pages show it. */
export const consumerLabel = ({ hostUrl, clientId }: Consumer) => `${new URL(hostUrl).host} …${clientId.slice(-4)}`;

/**
 * Adds one use in the current minute's row. The increment is a conditional update and the
 * minute's first use inserts; two processes racing on that insert fall back to the update,
 * so no use is lost.
 */
async function addUse(id: string, kind: ConsumerUse, at: number): Promise<void> {
  const key = { consumer: id, kind, minute: new Date(Math.floor(at / MINUTE_MS) * MINUTE_MS) };
  const increment = () => db().consumerCallCount.updateMany({ where: key, data: { count: { increment: 1 } } });
  if ((await increment()).count > 0) return;
  try {
    await db().consumerCallCount.create({ data: { ...key, count: 1 } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await increment();
  }
}

// Per process: when each consumer's hour was last looked at, and the hour window it was alerted in.
const budgetCheckedAt = new Map<string, number>();
const budgetAlertedHour = new Map<string, number>();

/**
 * Tells the organization when a consumer passes BACKGROUND_SHARE of its allowance. Cheap:
 * each process sums a consumer's hour at most once a minute, and alerts at most once per
 * hour window (the alert's dedupe key keeps it to one across processes).
 */
async function watchBudget(id: string, consumer: Consumer, now: number) {
  const hour = Math.floor(now / HOUR_MS);
  if (budgetAlertedHour.get(id) === hour || now - (budgetCheckedAt.get(id) ?? 0) < MINUTE_MS) return;
  budgetCheckedAt.set(id, now);
  const used = await callsInLastHour(id, now);
  if (used < CONSUMER_HOURLY_LIMIT * BACKGROUND_SHARE) return;
  const connection = await db().vcsConnection.findFirst({
    where: { hostUrl: consumer.hostUrl, clientId: consumer.clientId },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (connection) await alertCallBudget({ connectionId: connection.id, used, limit: CONSUMER_HOURLY_LIMIT, at: new Date(now) });
  budgetAlertedHour.set(id, hour);
}

async function recordCall(id: string, consumer: Consumer, label: string, kind: ConsumerUse, status: number | null) {
  metrics().bitbucketCalls.inc({ consumer: label, status: String(status ?? 0) });
  // No answer at all was probably not counted by Bitbucket either.
  if (status === null) return;
  try {
    const now = Date.now();
    await addUse(id, kind, now);
    await watchBudget(id, consumer, now);
  } catch (error) {
    // Counting must never fail the call it counts.
    log().warn({ err: error }, "could not count a Bitbucket call");
  }
}

/** Counts a use that makes no call of ours (an access token handed to a service). */
export async function countConsumerUse(consumer: Consumer, kind: ConsumerUse, at = Date.now()): Promise<void> {
  await addUse(consumerId(consumer), kind, at);
}

/** Runs Bitbucket calls made with this consumer's credentials, counting each against its hourly allowance. */
export function asConsumer<T>(consumer: Consumer, run: () => Promise<T>, kind: ConsumerUse = "api"): Promise<T> {
  const id = consumerId(consumer);
  const label = consumerLabel(consumer);
  return withCallContext({ onCall: (status) => recordCall(id, consumer, label, kind, status) }, run);
}

/** The consumer's uses over the last hour, by kind, across every instance. */
export async function usesInLastHour(consumer: Consumer | string, now = Date.now()): Promise<Record<ConsumerUse, number>> {
  const id = typeof consumer === "string" ? consumer : consumerId(consumer);
  const rows = await db().consumerCallCount.groupBy({
    by: ["kind"],
    where: { consumer: id, minute: { gt: new Date(now - HOUR_MS) } },
    _sum: { count: true },
  });
  const uses: Record<ConsumerUse, number> = { api: 0, proxy: 0, token_issued: 0 };
  for (const row of rows) if ((CONSUMER_USES as readonly string[]).includes(row.kind)) uses[row.kind as ConsumerUse] = row._sum.count ?? 0;
  return uses;
}

/** Calls made with the consumer over the last hour (ours and proxied), across every instance. */
export async function callsInLastHour(consumer: Consumer | string, now = Date.now()): Promise<number> {
  const uses = await usesInLastHour(consumer, now);
  return uses.api + uses.proxy;
}

/** What the connection page shows: the consumer's calls in the last hour and how many connections share it. */
export async function consumerUsage(consumer: Consumer) {
  const [calls, connections] = await Promise.all([
    callsInLastHour(consumer),
    db().vcsConnection.count({ where: { hostUrl: consumer.hostUrl, clientId: consumer.clientId } }),
  ]);
  return { calls, limit: CONSUMER_HOURLY_LIMIT, connections };
}

/** Minute counts older than the rolling window serve no purpose. */
export async function dropOldCallCounts(now = Date.now()) {
  await db().consumerCallCount.deleteMany({ where: { minute: { lt: new Date(now - 2 * HOUR_MS) } } });
}
