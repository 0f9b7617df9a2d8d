// Runs in its own OS process, as another app instance behind the load balancer would:
// receives the same signed delivery (and its retries) N times at once; prints how many
// were stored as new.
import { receiveDelivery } from "../../lib/webhooks/receive-delivery";

const [hookId, bodyBase64, signature, requestUuid, count] = process.argv.slice(2);
const body = Buffer.from(bodyBase64!, "base64");
const results = await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    receiveDelivery(hookId!, body, { signature: signature!, eventKey: "repo:push", requestUuid: requestUuid!, attempt: String(i + 1) }),
  ),
);
process.stdout.write(JSON.stringify({ stored: results.filter((r) => !r.duplicate).length }));
process.exit(0);
