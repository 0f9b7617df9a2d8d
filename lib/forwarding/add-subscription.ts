import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealSecret } from "@/lib/crypto/keyring";
import { randomToken } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { validateServiceUrl } from "@/lib/http/service-url";
import type { AddSubscriptionInput } from "./schemas";
import { subscriptionSealContext } from "./seal-context";

const MAX_SUBSCRIPTIONS_PER_ORGANIZATION = 50;

/**
 * Adds a subscription for one project's deliveries or the whole organization's. Its signing
 * secret is returned this once and stored only sealed.
 */
export async function addSubscription(access: OrgAccess, input: AddSubscriptionInput): Promise<{ id: string; secret: string }> {
  requireRole(access, "admin");
  const organizationId = access.organization.id;
  const project = await db().project.findFirst({ where: { id: input.projectId, organizationId }, select: { id: true } });
  if (!project) throw new AppError("not_found", { detail: "project" });
  const targetUrl = validateServiceUrl(input.targetUrl, "targetUrl");
  if ((await db().webhookSubscription.count({ where: { organizationId } })) >= MAX_SUBSCRIPTIONS_PER_ORGANIZATION) throw new AppError("subscription_limit");

  const secret = `whsec_${randomToken(32)}`;
  const events = [...new Set(input.events)];
  return db().$transaction(async (tx) => {
    const created = await tx.webhookSubscription.create({
      data: { organizationId, projectId: input.scope === "project" ? project.id : null, targetUrl, events: events.join(" "), secretSealed: "pending" },
      select: { id: true },
    });
    await tx.webhookSubscription.update({ where: { id: created.id }, data: { secretSealed: sealSecret(secret, subscriptionSealContext.secret(created.id)) } });
    await recordAuditEvent(tx, {
      organizationId,
      actor: access.actor,
      action: "webhook_subscription.created",
      target: { type: "webhook_subscription", id: created.id },
      after: { targetUrl, events, projectId: input.scope === "project" ? project.id : null },
    });
    return { id: created.id, secret };
  });
}
