// Runs in its own OS process, as another app instance would: sends every alert that is due
// and prints how many it sent.
import { deliverDueAlerts } from "../../lib/alerts/deliver-alerts";

let sent = 0;
for (;;) {
  const round = await deliverDueAlerts({ limit: 200 });
  sent += round.sent;
  if (round.sent + round.failed === 0) break;
}
process.stdout.write(JSON.stringify({ sent }));
