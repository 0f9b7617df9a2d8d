import "server-only";
import { db } from "@/lib/db";

export type ClaimedMessage = { id: string; kind: string; deliveryId: string; subscriptionId: string | null; attempts: number; createdAt: Date };

const claimable = (now: Date) => ({ status: "pending", nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });

/**
 * Claims up to `limit` due messages for `holder`. Each claim is a conditional update that
 * succeeds only while the row is still unclaimed (or its holder's lease ran out), so when
 * several processes race for a row exactly one wins, in SQLite and PostgreSQL alike.
 */
export async function claimMessages(holder: string, limit: number, leaseMs: number): Promise<ClaimedMessage[]> {
  const now = new Date();
  const candidates = await db().outboxMessage.findMany({
    where: claimable(now),
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true, kind: true, deliveryId: true, subscriptionId: true, attempts: true, createdAt: true },
  });
  const claimed: ClaimedMessage[] = [];
  for (const candidate of candidates) {
    const won = await db().outboxMessage.updateMany({
      where: { id: candidate.id, ...claimable(now) },
      data: { leaseHolder: holder, leaseUntil: new Date(now.getTime() + leaseMs) },
    });
    if (won.count === 1) claimed.push(candidate);
  }
  return claimed;
}
