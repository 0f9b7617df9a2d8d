import "server-only";
import { db } from "@/lib/db";

export type MessageKind = "process" | "forward";
export type ClaimedMessage = { id: string; kind: string; deliveryId: string; subscriptionId: string | null; attempts: number; createdAt: Date };

const claimable = (now: Date) => ({ status: "pending", nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });
const fields = { id: true, kind: true, deliveryId: true, subscriptionId: true, attempts: true, createdAt: true } as const;

/**
 * Claims up to `limit` due messages of one kind for `holder`. The claim is one conditional
 * update that takes only rows still unclaimed (or whose holder's lease ran out) and returns
 * those it took, so when several processes race for a row exactly one wins, in SQLite and
 * PostgreSQL alike.
 */
export async function claimMessages(holder: string, kind: MessageKind, limit: number, leaseMs: number): Promise<ClaimedMessage[]> {
  const now = new Date();
  const candidates = await db().outboxMessage.findMany({
    where: { kind, ...claimable(now) },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  if (candidates.length === 0) return [];
  return db().outboxMessage.updateManyAndReturn({
    where: { id: { in: candidates.map((candidate) => candidate.id) }, ...claimable(now) },
    data: { leaseHolder: holder, leaseUntil: new Date(now.getTime() + leaseMs) },
    select: fields,
  });
}
