import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { runSweep } from "./run-sweep";

let started = false;

/**
 * Runs the health sweep on an interval in this server process. Every process may run a
 * scheduler; the lease makes sure only one of them sweeps in each interval.
 */
export function startHealthSweep(): void {
  if (started) return;
  started = true;
  const intervalMs = env().HEALTH_SWEEP_INTERVAL_SECONDS * 1000;
  const tick = () => runSweep().catch((error: unknown) => log().error({ err: error }, "health sweep failed"));
  // A first sweep soon after start recovers connections after downtime.
  setTimeout(tick, Math.min(intervalMs, 5_000)).unref();
  setInterval(tick, intervalMs).unref();
}
