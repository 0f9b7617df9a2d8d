import "server-only";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus metrics. Kept on globalThis: Next.js may load this module
 * more than once (instrumentation, route bundles), and every copy must count into one
 * registry.
 */
function createMetrics() {
  const registry = new Registry();
  return {
    registry,
    tokenRefreshes: new Counter({
      name: "vcs_connect_token_refreshes_total",
      help: "Access-token refreshes, by result (ok, transient failure, refused).",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    bitbucketCalls: new Counter({
      name: "vcs_connect_bitbucket_calls_total",
      help: "Calls to Bitbucket made with an OAuth consumer, by consumer (host and the key's last four characters) and HTTP status (0: no answer).",
      labelNames: ["consumer", "status"] as const,
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: "vcs_connect_webhook_deliveries_total",
      help: "Webhook deliveries received by this instance, by outcome (received, duplicate, rejected).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    sweepDuration: new Histogram({
      name: "vcs_connect_health_sweep_duration_seconds",
      help: "How long a health sweep run by this instance took.",
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
      registers: [registry],
    }),
    sweepChecks: new Counter({
      name: "vcs_connect_health_checks_total",
      help: "Health checks run by this instance's sweeps, by result (ok, failed, deferred near a consumer's rate limit).",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    // Read from the database at scrape time (see collect-database-metrics.ts): the same for every instance.
    connections: new Gauge({ name: "vcs_connect_connections", help: "Connections, by status.", labelNames: ["status"] as const, registers: [registry] }),
    sweepLag: new Gauge({
      name: "vcs_connect_health_sweep_lag_seconds",
      help: "How overdue the most overdue health check is (0 when none is due).",
      registers: [registry],
    }),
    sweepLastCompleted: new Gauge({
      name: "vcs_connect_health_sweep_last_completed_timestamp_seconds",
      help: "When any instance last completed a health sweep.",
      registers: [registry],
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const holder = globalThis as typeof globalThis & { vcsConnectMetrics?: Metrics };

export function metrics(): Metrics {
  holder.vcsConnectMetrics ??= createMetrics();
  return holder.vcsConnectMetrics;
}
