import "server-only";
import { alertWebhookFailing } from "@/lib/alerts/source-alerts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { openSecret } from "@/lib/crypto/keyring";
import { db } from "@/lib/db";
import { retryWhenBusy } from "@/lib/db/errors";
import { isAppError } from "@/lib/errors/app-error";
import { errorCatalog, type ErrorCode } from "@/lib/errors/codes";
import { outboundFetch } from "@/lib/http/outbound";
import { log } from "@/lib/log";
import { subscriptionSealContext } from "@/lib/forwarding/seal-context";
import { retryDelayMs } from "./backoff";
import type { ClaimedMessage } from "./claim-messages";
import type { OutboxOptions } from "./options";
import { SIGNATURE_HEADER, signRequest } from "./sign-request";

type Outcome = { ok: boolean; statusCode: number | null; errorCode: string | null; latencyMs: number };

async function send(url: string, headers: Record<string, string>, body: string): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await outboundFetch(url, { method: "POST", headers, body });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, errorCode: ok ? null : "subscriber_rejected", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, statusCode: null, errorCode: error.code, latencyMs: Math.round(performance.now() - started) };
  }
}

/**
 * Makes one attempt to deliver a stored delivery to one subscriber, signed, and records it.
 * A failure schedules the next attempt with back-off until the retry window closes; enough
 * failures in a row mark the subscription failing (one success marks it active again).
 */
export async function forwardMessage(message: ClaimedMessage, options: OutboxOptions): Promise<void> {
  const subscription = await db().webhookSubscription.findUnique({
    where: { id: message.subscriptionId ?? "" },
    omit: { secretSealed: false },
  });
  if (!subscription) return; // removed meanwhile: its messages went with it
  const delivery = await db().webhookDelivery.findUniqueOrThrow({
    where: { id: message.deliveryId },
    select: { id: true, eventKey: true, payload: true, project: { select: { id: true, fullName: true } } },
  });
  const number = message.attempts + 1;
  const secret = openSecret(subscription.secretSealed, subscriptionSealContext.secret(subscription.id));
  const timestamp = Math.floor(Date.now() / 1000);
  const outcome = await send(
    subscription.targetUrl,
    {
      "content-type": "application/json",
      "user-agent": "vcs-connect",
      [SIGNATURE_HEADER]: signRequest(secret, delivery.payload, timestamp),
      "x-vcs-connect-event": delivery.eventKey,
      "x-vcs-connect-delivery": delivery.id,
      "x-vcs-connect-attempt": String(number),
      "x-vcs-connect-project": delivery.project.fullName,
    },
    delivery.payload,
  );

  const now = new Date();
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(number, options.retryBaseMs));
  const givingUp = !outcome.ok && nextAttemptAt.getTime() > message.createdAt.getTime() + options.retryWindowMs;
  let becameFailing = false;
  // The request was made: recording it must not be lost to a busy database.
  await retryWhenBusy(() => db().$transaction(async (tx) => {
    await tx.forwardAttempt.create({
      data: {
        outboxId: message.id,
        deliveryId: delivery.id,
        subscriptionId: subscription.id,
        number,
        ok: outcome.ok,
        statusCode: outcome.statusCode,
        latencyMs: outcome.latencyMs,
        errorCode: outcome.errorCode,
        worker: options.holder,
      },
    });
    await tx.outboxMessage.updateMany({
      where: { id: message.id, leaseHolder: options.holder },
      data: outcome.ok
        ? { status: "done", attempts: number, completedAt: now, leaseUntil: null, lastErrorCode: null }
        : givingUp
          ? { status: "gave_up", attempts: number, completedAt: now, leaseUntil: null, lastErrorCode: outcome.errorCode }
          : { attempts: number, nextAttemptAt, leaseUntil: null, lastErrorCode: outcome.errorCode },
    });
    if (outcome.ok) {
      await tx.webhookSubscription.update({ where: { id: subscription.id }, data: { consecutiveFailures: 0, lastSuccessAt: now } });
    } else {
      await tx.webhookSubscription.update({
        where: { id: subscription.id },
        data: { consecutiveFailures: { increment: 1 }, lastErrorCode: outcome.errorCode, lastFailureAt: now },
      });
    }
    // Status changes are conditional updates, so of several workers exactly one records each change.
    const changed = outcome.ok
      ? await tx.webhookSubscription.updateMany({ where: { id: subscription.id, status: "failing" }, data: { status: "active" } })
      : await tx.webhookSubscription.updateMany({
          where: { id: subscription.id, status: "active", consecutiveFailures: { gte: options.failureThreshold } },
          data: { status: "failing" },
        });
    becameFailing = !outcome.ok && changed.count === 1;
    if (changed.count === 1) {
      await recordAuditEvent(tx, {
        organizationId: subscription.organizationId,
        actor: { type: "system", label: "system" },
        action: outcome.ok ? "webhook_subscription.recovered" : "webhook_subscription.failing",
        target: { type: "webhook_subscription", id: subscription.id },
        after: { targetUrl: subscription.targetUrl, lastErrorCode: outcome.errorCode },
      });
    }
  }));
  // The organization is told once the subscription turns failing (at most once per project a day).
  if (becameFailing) {
    const reason: ErrorCode = outcome.errorCode && outcome.errorCode in errorCatalog ? (outcome.errorCode as ErrorCode) : "subscriber_rejected";
    await alertWebhookFailing(delivery.project.id, reason).catch((error: unknown) => log().error({ err: error, subscriptionId: subscription.id }, "could not queue a webhook alert"));
  }
}
