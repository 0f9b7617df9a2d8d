import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";

/** Bitbucket's budget is per OAuth consumer: the key on its host, whichever connection used it. */
export type Consumer = { hostUrl: string; clientId: string | null };
export type CallKind = "token_issued" | "proxy";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Counts one use of a consumer, in a per-minute row so an hour is at most sixty rows per
 * kind. The increment is a conditional update, and the first call of a minute inserts;
 * two processes racing on that insert fall back to the update, so no call is lost.
 */
export async function countCall(consumer: Consumer, kind: CallKind, now = new Date()): Promise<void> {
  if (!consumer.clientId) return;
  const key = { hostUrl: consumer.hostUrl, clientId: consumer.clientId, kind, minute: new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS) };
  const increment = () => db().consumerCallCount.updateMany({ where: key, data: { count: { increment: 1 } } });
  if ((await increment()).count > 0) return;
  try {
    await db().consumerCallCount.create({ data: { ...key, count: 1 } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await increment();
  }
}

/** Uses of a consumer in the last hour, by kind. */
export async function callsInLastHour(consumer: Consumer, now = new Date()): Promise<Record<CallKind, number>> {
  const totals: Record<CallKind, number> = { token_issued: 0, proxy: 0 };
  if (!consumer.clientId) return totals;
  const rows = await db().consumerCallCount.groupBy({
    by: ["kind"],
    where: { hostUrl: consumer.hostUrl, clientId: consumer.clientId, minute: { gt: new Date(now.getTime() - HOUR_MS) } },
    _sum: { count: true },
  });
  for (const row of rows) if (row.kind in totals) totals[row.kind as CallKind] = row._sum.count ?? 0;
  return totals;
}
