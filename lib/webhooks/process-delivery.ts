import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

export type StoredDelivery = { id: string; projectId: string; isPush: boolean; receivedAt: Date };

/** Runs after the answer went out: marks the delivery processed and notes a project's last push. */
export async function processDelivery(delivery: StoredDelivery): Promise<void> {
  try {
    await db().$transaction(async (tx) => {
      if (delivery.isPush) await tx.project.update({ where: { id: delivery.projectId }, data: { lastPushAt: delivery.receivedAt } });
      await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { outcome: "processed", processedAt: new Date() } });
    });
  } catch (error) {
    log().error({ err: error, deliveryId: delivery.id }, "processing a webhook delivery failed");
    await db().webhookDelivery.update({ where: { id: delivery.id }, data: { outcome: "failed", processedAt: new Date() } }).catch(() => undefined);
  }
}
