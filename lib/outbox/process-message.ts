import "server-only";
import { db } from "@/lib/db";
import { retryWhenBusy } from "@/lib/db/errors";
import type { DeliverySummary } from "@/lib/webhooks/summarize";
import type { ClaimedMessage } from "./claim-messages";
import { subscribedTo } from "./subscribed-to";

class LeaseLost extends Error {}

/**
 * Processes a stored delivery: marks it processed, notes a project's last push, and queues
 * one forward per subscription that wants its event, all in one transaction with marking
 * the message done, so a crash at any point leaves it either wholly undone (and retried)
 * or wholly done.
 */
export async function processMessage(message: ClaimedMessage, holder: string): Promise<void> {
  try {
    await retryWhenBusy(() => db().$transaction(async (tx) => {
      const now = new Date();
      const held = await tx.outboxMessage.updateMany({
        where: { id: message.id, leaseHolder: holder, status: "pending" },
        data: { status: "done", completedAt: now, attempts: { increment: 1 }, leaseUntil: null },
      });
      if (held.count !== 1) throw new LeaseLost();
      const delivery = await tx.webhookDelivery.findUniqueOrThrow({
        where: { id: message.deliveryId },
        select: { eventKey: true, summary: true, receivedAt: true, project: { select: { id: true, organizationId: true } } },
      });
      const summary = JSON.parse(delivery.summary) as DeliverySummary;
      if (summary.kind === "push") await tx.project.update({ where: { id: delivery.project.id }, data: { lastPushAt: delivery.receivedAt } });
      await tx.webhookDelivery.update({ where: { id: message.deliveryId }, data: { outcome: "processed", processedAt: now } });
      const subscriptions = await tx.webhookSubscription.findMany({
        where: { organizationId: delivery.project.organizationId, OR: [{ projectId: delivery.project.id }, { projectId: null }] },
        select: { id: true, events: true },
      });
      const wanted = subscriptions.filter((subscription) => subscribedTo(subscription.events, delivery.eventKey));
      if (wanted.length > 0) {
        await tx.outboxMessage.createMany({
          data: wanted.map((subscription) => ({ kind: "forward", deliveryId: message.deliveryId, subscriptionId: subscription.id, nextAttemptAt: now })),
        });
      }
    }));
  } catch (error) {
    if (error instanceof LeaseLost) return;
    throw error;
  }
}
