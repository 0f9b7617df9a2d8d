import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { describeError, errorCatalog, type ErrorCode } from "@/lib/errors/codes";
import { parseSubscriptionStatus } from "./schemas";

const describe = (code: string | null) => (code && code in errorCatalog ? describeError(code as ErrorCode) : code ? { code, message: code, hint: "" } : null);

/** The subscriptions that receive a project's deliveries: its own and the organization's. Members read them. */
export async function listSubscriptions(access: OrgAccess, projectId: string) {
  const subscriptions = await db().webhookSubscription.findMany({
    where: { organizationId: access.organization.id, OR: [{ projectId }, { projectId: null }] },
    orderBy: { createdAt: "asc" },
  });
  return subscriptions.map((subscription) => ({
    id: subscription.id,
    targetUrl: subscription.targetUrl,
    events: subscription.events.split(" "),
    scope: subscription.projectId ? ("project" as const) : ("organization" as const),
    status: parseSubscriptionStatus(subscription.status),
    consecutiveFailures: subscription.consecutiveFailures,
    lastError: describe(subscription.lastErrorCode),
    lastFailureAt: subscription.lastFailureAt?.toISOString() ?? null,
    lastSuccessAt: subscription.lastSuccessAt?.toISOString() ?? null,
    createdAt: subscription.createdAt.toISOString(),
  }));
}

export type SubscriptionView = Awaited<ReturnType<typeof listSubscriptions>>[number];

/** Each delivery's forwards (one per subscription, plus redeliveries) with every attempt made. */
export async function listForwards(deliveryIds: string[]) {
  if (deliveryIds.length === 0) return new Map<string, ForwardView[]>();
  const messages = await db().outboxMessage.findMany({
    where: { deliveryId: { in: deliveryIds }, kind: "forward" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      deliveryId: true,
      status: true,
      nextAttemptAt: true,
      subscription: { select: { id: true, targetUrl: true } },
      attemptsMade: { orderBy: { number: "asc" }, select: { number: true, ok: true, statusCode: true, latencyMs: true, errorCode: true, createdAt: true } },
    },
  });
  const byDelivery = new Map<string, ForwardView[]>();
  for (const message of messages) {
    if (!message.subscription) continue;
    const view: ForwardView = {
      id: message.id,
      subscriptionId: message.subscription.id,
      targetUrl: message.subscription.targetUrl,
      status: message.status === "done" ? "delivered" : message.status === "gave_up" ? "gave_up" : "pending",
      nextAttemptAt: message.status === "pending" ? message.nextAttemptAt.toISOString() : null,
      attempts: message.attemptsMade.map((attempt) => ({ ...attempt, createdAt: attempt.createdAt.toISOString(), error: describe(attempt.errorCode)?.message ?? null })),
    };
    byDelivery.set(message.deliveryId, [...(byDelivery.get(message.deliveryId) ?? []), view]);
  }
  return byDelivery;
}

export type ForwardView = {
  id: string;
  subscriptionId: string;
  targetUrl: string;
  status: "pending" | "delivered" | "gave_up";
  nextAttemptAt: string | null;
  attempts: { number: number; ok: boolean; statusCode: number | null; latencyMs: number; errorCode: string | null; error: string | null; createdAt: string }[];
};
