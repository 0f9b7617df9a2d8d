import "server-only";
import { randomToken } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { parseAlertBody } from "./catalog";
import { sendToDestination } from "./send";

/** After this many failed attempts a delivery is given up (about 12 hours of back-off). */
export const MAX_ATTEMPTS = 10;
const CLAIM_MS = 2 * 60_000;

/** Back-off after the nth failed attempt: 30 s, 1 min, 2 min, … capped at 2 hours, with jitter. */
export function retryDelayMs(attempts: number, random = Math.random) {
  const base = Math.min(30_000 * 2 ** (attempts - 1), 2 * 3_600_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Sends every alert delivery that is due. Any number of processes may run this at once:
 * each delivery is claimed by a conditional update (still pending, due, and unclaimed or
 * its claim lapsed), so exactly one process sends it; a process that dies mid-send leaves
 * a claim that lapses after two minutes and another process retries.
 */
export async function deliverDueAlerts(options: { holder?: string; now?: () => Date; limit?: number } = {}) {
  const holder = options.holder ?? randomToken(9);
  const now = options.now ?? (() => new Date());
  const due = await db().alertDelivery.findMany({
    where: { state: "pending", nextAttemptAt: { lte: now() }, OR: [{ claimUntil: null }, { claimUntil: { lt: now() } }] },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true },
  });
  let sent = 0;
  let failed = 0;
  for (const { id } of due) {
    const at = now();
    const claim = await db().alertDelivery.updateMany({
      where: { id, state: "pending", nextAttemptAt: { lte: at }, OR: [{ claimUntil: null }, { claimUntil: { lt: at } }] },
      data: { claimHolder: holder, claimUntil: new Date(at.getTime() + CLAIM_MS) },
    });
    if (claim.count !== 1) continue;
    const delivery = await db().alertDelivery.findUniqueOrThrow({
      where: { id },
      include: { alert: true, destination: { omit: { urlSealed: false, secretSealed: false } } },
    });
    try {
      await sendToDestination(delivery.destination, parseAlertBody(delivery.alert.body), delivery.alertId);
      await db().alertDelivery.updateMany({
        where: { id, claimHolder: holder },
        data: { state: "sent", sentAt: now(), attempts: { increment: 1 }, lastError: null, claimHolder: null, claimUntil: null },
      });
      sent++;
    } catch (error) {
      const attempts = delivery.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      const reason = error instanceof Error ? error.message.slice(0, 300) : "failed";
      await db().alertDelivery.updateMany({
        where: { id, claimHolder: holder },
        data: {
          attempts,
          lastError: reason,
          state: giveUp ? "failed" : "pending",
          nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts)),
          claimHolder: null,
          claimUntil: null,
        },
      });
      failed++;
      log().warn({ deliveryId: id, attempts, giveUp, reason }, "alert delivery failed");
    }
  }
  return { sent, failed };
}
