// Next.js calls register() once when a server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHealthSweep } = await import("./lib/health/scheduler");
  startHealthSweep();
  const { env } = await import("./lib/env");
  if (env().OUTBOX_WORKER) {
    const { startOutboxWorker } = await import("./lib/outbox/worker");
    startOutboxWorker();
  }
  const { startAlertSender } = await import("./lib/alerts/scheduler");
  startAlertSender();
}
