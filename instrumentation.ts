// Next.js calls register() once when a server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHealthSweep } = await import("./lib/health/scheduler");
  startHealthSweep();
  const { startAlertSender } = await import("./lib/alerts/scheduler");
  startAlertSender();
}
