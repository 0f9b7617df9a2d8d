import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
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

/** A consumer's identity for counting: its host and key, hashed (the key stays out of counters). */
export function consumerId({ hostUrl, clientId }: Consumer): string {
  return createHash("sha256").update(`${new URL(hostUrl).host}\n${clientId}`).digest("hex").slice(0, 32);
}

/** How metrics name a consumer: its host and the key's last four characters, as the pages show it. */
export const consumerLabel = ({ hostUrl, clientId }: Consumer) => `${new URL(hostUrl).host} …${clientId.slice(-4)}`;

async function recordCall(id: string, label: string, status: number | null) {
  metrics().bitbucketCalls.inc({ consumer: label, status: String(status ?? 0) });
  // No answer at all was probably not counted by Bitbucket either.
  if (status === null) return;
  const minute = new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS);
  try {
    await db().consumerCallCount.upsert({
      where: { consumer_minute: { consumer: id, minute } },
      create: { consumer: id, minute, count: 1 },
      update: { count: { increment: 1 } },
    });
  } catch (error) {
    // Counting must never fail the call it counts.
    log().warn({ err: error }, "could not count a Bitbucket call");
  }
}

/** Runs Bitbucket calls made with this consumer's credentials, counting each against its hourly allowance. */
export function asConsumer<T>(consumer: Consumer, run: () => Promise<T>): Promise<T> {
  const id = consumerId(consumer);
  const label = consumerLabel(consumer);
  return withCallContext({ onCall: (status) => recordCall(id, label, status) }, run);
}

/** Calls made with the consumer over the last hour, across every instance. */
export async function callsInLastHour(consumer: Consumer | string, now = Date.now()): Promise<number> {
  const id = typeof consumer === "string" ? consumer : consumerId(consumer);
  const total = await db().consumerCallCount.aggregate({
    where: { consumer: id, minute: { gt: new Date(now - HOUR_MS) } },
    _sum: { count: true },
  });
  return total._sum.count ?? 0;
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
