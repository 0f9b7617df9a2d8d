import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** Removes a subscription; its queued forwards and their attempt records go with it. */
export async function removeSubscription(access: OrgAccess, subscriptionId: string): Promise<void> {
  requireRole(access, "admin");
  const subscription = await db().webhookSubscription.findFirst({
    where: { id: subscriptionId, organizationId: access.organization.id },
    select: { id: true, targetUrl: true, events: true, projectId: true },
  });
  if (!subscription) throw new AppError("not_found", { detail: "subscription" });
  await db().$transaction(async (tx) => {
    await tx.webhookSubscription.delete({ where: { id: subscription.id } });
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "webhook_subscription.removed",
      target: { type: "webhook_subscription", id: subscription.id },
      before: { targetUrl: subscription.targetUrl, events: subscription.events.split(" "), projectId: subscription.projectId },
    });
  });
}
