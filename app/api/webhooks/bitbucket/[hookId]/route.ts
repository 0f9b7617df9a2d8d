import { after } from "next/server";
import { isAppError } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/codes";
import { log } from "@/lib/log";
import { processDelivery } from "@/lib/webhooks/process-delivery";
import { readBodyCapped } from "@/lib/webhooks/read-body";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";

/** Bitbucket's webhook deliveries: verified, stored once, answered fast, processed after the answer. */
export async function POST(request: Request, { params }: { params: Promise<{ hookId: string }> }) {
  try {
    const body = await readBodyCapped(request);
    const { delivery, duplicate } = await receiveDelivery((await params).hookId, body, {
      signature: request.headers.get("x-hub-signature"),
      eventKey: request.headers.get("x-event-key"),
      requestUuid: request.headers.get("x-request-uuid"),
      attempt: request.headers.get("x-attempt-number"),
    });
    if (delivery) after(() => processDelivery(delivery));
    return Response.json({ received: true, duplicate }, { status: duplicate ? 200 : 202 });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: describeError(error.code) }, { status: error.httpStatus });
    log().error({ err: error }, "webhook receiver failed");
    return Response.json({ error: { code: "internal_error" } }, { status: 500 });
  }
}
