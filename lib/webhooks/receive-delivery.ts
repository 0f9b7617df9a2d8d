import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { metrics } from "@/lib/metrics/registry";
import { forgetHookKey, hookKey } from "./hook-keys";
import { verifySignature } from "./signature";
import { summarize } from "./summarize";

export type DeliveryHeaders = { signature: string | null; eventKey: string | null; requestUuid: string | null; attempt: string | null; sourceAddress?: string | null };

/**
 * Accepts one delivery for a hook: no X-Request-UUID → 400, unknown hook → 404, bad or missing signature → 401
 * (nothing stored), a request UUID seen before → acknowledged without a second row.
 * The delivery is stored together with its outbox message; the outbox worker processes it.
 */
export async function receiveDelivery(hookId: string, body: Uint8Array, headers: DeliveryHeaders) {
  try {
    const result = await storeDelivery(hookId, body, headers);
    metrics().webhookDeliveries.inc({ outcome: result.duplicate ? "duplicate" : "received" });
    return result;
  } catch (error) {
    if (error instanceof AppError) metrics().webhookDeliveries.inc({ outcome: "rejected" });
    throw error;
  }
}

async function storeDelivery(hookId: string, body: Uint8Array, headers: DeliveryHeaders) {
  // Bitbucket always sends one (retries reuse it); it is what makes a replay a duplicate.
  const requestUuid = headers.requestUuid?.trim();
  if (!requestUuid || requestUuid.length > 128) throw new AppError("request_uuid_missing");
  const key = await hookKey(hookId);
  if (!key) throw new AppError("webhook_unknown");
  if (!verifySignature(key.secret, body, headers.signature)) throw new AppError("signature_invalid");

  const eventKey = headers.eventKey ?? "unknown";
  const text = new TextDecoder().decode(body);
  let payload: unknown = null;
  try {
    payload = JSON.parse(text);
  } catch {
    // Signed but not JSON: keep the raw text; the summary says nothing.
  }
  const summary = summarize(eventKey, payload);
  try {
    // The delivery and its outbox message are written in one transaction, so once Bitbucket
    // has its answer nothing can lose the processing and forwarding. Two plain inserts with
    // an id chosen here cost about a quarter less than a nested create that reads back.
    const id = randomUUID();
    await db().$transaction([
      db().webhookDelivery.createMany({
        data: {
          id,
          projectId: key.projectId,
          requestUuid,
          eventKey,
          attempt: Math.max(1, Number.parseInt(headers.attempt ?? "1", 10) || 1),
          signatureOk: true,
          summary: JSON.stringify(summary),
          payload: text,
          sourceAddress: headers.sourceAddress ?? null,
        },
      }),
      db().outboxMessage.createMany({ data: { deliveryId: id, kind: "process" } }),
    ]);
    return { delivery: { id }, duplicate: false };
  } catch (error) {
    if (isUniqueViolation(error)) return { delivery: null, duplicate: true };
    // The project was removed (by another instance) since its hook was looked up.
    if (isForeignKeyViolation(error)) {
      forgetHookKey(hookId);
      throw new AppError("webhook_unknown");
    }
    throw error;
  }
}
