import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { deliverDueAlerts } from "./deliver-alerts";

let started = false;

/** Sends due alerts on an interval in this server process; claims keep processes from sending twice. */
export function startAlertSender(): void {
  if (started) return;
  started = true;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueAlerts();
    } catch (error) {
      log().error({ err: error }, "alert sender failed");
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), env().ALERT_SEND_INTERVAL_SECONDS * 1000).unref();
}
