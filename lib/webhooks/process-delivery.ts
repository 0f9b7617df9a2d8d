import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import type { DeliverySummary } from "./summarize";

/** Runs after the answer went out: marks the delivery processed and notes a project's last push. */
export async function processDelivery(deliveryId: string): Promise<void> {
  try {
    const delivery = await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { projectId: true, summary: true, receivedAt: true } });
    const summary = JSON.parse(delivery.summary) as DeliverySummary;
    await db().$transaction(async (tx) => {
      if (summary.kind === "push") await tx.project.update({ where: { id: delivery.projectId }, data: { lastPushAt: delivery.receivedAt } });
      await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { outcome: "processed", processedAt: new Date() } });
    });
  } catch (error) {
    log().error({ err: error, deliveryId }, "processing a webhook delivery failed");
    await db().webhookDelivery.update({ where: { id: deliveryId }, data: { outcome: "failed", processedAt: new Date() } }).catch(() => undefined);
  }
}
