import "server-only";
import { db } from "@/lib/db";
import { retryWhenBusy } from "@/lib/db/errors";
import type { DeliverySummary } from "@/lib/webhooks/summarize";
import type { ClaimedMessage } from "./claim-messages";
import { subscribedTo } from "./subscribed-to";

/**
 * Processes stored deliveries, a batch at once: marks them processed, notes each project's
 * last push, and queues one forward per subscription that wants a delivery's event, all in
 * one transaction with marking the messages done, so a crash at any point leaves the batch
 * either wholly undone (and retried) or wholly done. A few queries per batch rather than
 * per delivery is what keeps a burst of pushes cheap. Messages whose lease this holder
 * lost are left to their new holder.
 */
export async function processMessages(messages: ClaimedMessage[], holder: string): Promise<void> {
  await retryWhenBusy(() => db().$transaction(async (tx) => {
    const now = new Date();
    const held = await tx.outboxMessage.updateManyAndReturn({
      where: { id: { in: messages.map((message) => message.id) }, leaseHolder: holder, status: "pending" },
      data: { status: "done", completedAt: now, attempts: { increment: 1 }, leaseUntil: null },
      select: { deliveryId: true },
    });
    if (held.length === 0) return;
    const deliveryIds = held.map((message) => message.deliveryId);
    const deliveries = await tx.webhookDelivery.findMany({
      where: { id: { in: deliveryIds } },
      select: { id: true, eventKey: true, summary: true, receivedAt: true, project: { select: { id: true, organizationId: true } } },
    });
    const lastPush = new Map<string, Date>();
    for (const delivery of deliveries) {
      if ((JSON.parse(delivery.summary) as DeliverySummary).kind !== "push") continue;
      const known = lastPush.get(delivery.project.id);
      if (!known || known < delivery.receivedAt) lastPush.set(delivery.project.id, delivery.receivedAt);
    }
    for (const [projectId, at] of lastPush) await tx.project.update({ where: { id: projectId }, data: { lastPushAt: at } });
    await tx.webhookDelivery.updateMany({ where: { id: { in: deliveryIds } }, data: { outcome: "processed", processedAt: now } });

    const projectIds = [...new Set(deliveries.map((delivery) => delivery.project.id))];
    const organizationIds = [...new Set(deliveries.map((delivery) => delivery.project.organizationId))];
    const subscriptions = await tx.webhookSubscription.findMany({
      where: { organizationId: { in: organizationIds }, OR: [{ projectId: { in: projectIds } }, { projectId: null }] },
      select: { id: true, events: true, organizationId: true, projectId: true },
    });
    const forwards = deliveries.flatMap((delivery) =>
      subscriptions
        .filter((subscription) => subscription.organizationId === delivery.project.organizationId && (subscription.projectId ?? delivery.project.id) === delivery.project.id)
        .filter((subscription) => subscribedTo(subscription.events, delivery.eventKey))
        .map((subscription) => ({ kind: "forward", deliveryId: delivery.id, subscriptionId: subscription.id, nextAttemptAt: now })),
    );
    if (forwards.length > 0) await tx.outboxMessage.createMany({ data: forwards });
  }));
}
