import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/**
 * Queues one more forward of a stored delivery to a subscription that covers its project
 * (whatever happened to earlier ones), with a fresh retry window.
 */
export async function redeliver(access: OrgAccess, input: { projectId: string; deliveryId: string; subscriptionId: string }): Promise<{ messageId: string }> {
  requireRole(access, "admin");
  const organizationId = access.organization.id;
  const delivery = await db().webhookDelivery.findFirst({
    where: { id: input.deliveryId, projectId: input.projectId, project: { organizationId } },
    select: { id: true, projectId: true },
  });
  if (!delivery) throw new AppError("not_found", { detail: "delivery" });
  const subscription = await db().webhookSubscription.findFirst({
    where: { id: input.subscriptionId, organizationId, OR: [{ projectId: delivery.projectId }, { projectId: null }] },
    select: { id: true, targetUrl: true },
  });
  if (!subscription) throw new AppError("not_found", { detail: "subscription" });
  return db().$transaction(async (tx) => {
    const message = await tx.outboxMessage.create({ data: { kind: "forward", deliveryId: delivery.id, subscriptionId: subscription.id }, select: { id: true } });
    await recordAuditEvent(tx, {
      organizationId,
      actor: access.actor,
      action: "webhook_subscription.redelivered",
      target: { type: "webhook_subscription", id: subscription.id },
      after: { deliveryId: delivery.id, targetUrl: subscription.targetUrl },
    });
    return { messageId: message.id };
  });
}
