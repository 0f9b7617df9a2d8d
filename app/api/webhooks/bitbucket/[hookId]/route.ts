import { failureResponse } from "@/lib/api/failure-response";
import { wakeOutbox } from "@/lib/outbox/worker";
import { takeRequest } from "@/lib/rate-limit";
import { readBodyCapped } from "@/lib/webhooks/read-body";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";
import { sourceAddressOf } from "@/lib/webhooks/source-address";

/**
 * Bitbucket's webhook deliveries: verified, stored once with their outbox message, answered
 * fast; this process's outbox worker (or any other's) processes and forwards them.
 */
export async function POST(request: Request, { params }: { params: Promise<{ hookId: string }> }) {
  try {
    const { hookId } = await params;
    await takeRequest("webhook", hookId);
    const body = await readBodyCapped(request);
    const { delivery, duplicate } = await receiveDelivery(hookId, body, {
      signature: request.headers.get("x-hub-signature"),
      eventKey: request.headers.get("x-event-key"),
      requestUuid: request.headers.get("x-request-uuid"),
      attempt: request.headers.get("x-attempt-number"),
      sourceAddress: sourceAddressOf(request.headers),
    });
    if (delivery) wakeOutbox();
    return Response.json({ received: true, duplicate }, { status: duplicate ? 200 : 202 });
  } catch (error) {
    return failureResponse(error, { route: "webhook receiver", as: "json" });
  }
}
