import "server-only";
import { hostname } from "node:os";
import { randomToken } from "@/lib/crypto/random";
import { env } from "@/lib/env";

export type OutboxOptions = {
  /** Names this worker in leases and attempt records. */
  holder: string;
  retryBaseMs: number;
  retryWindowMs: number;
  failureThreshold: number;
  /** How long a claim holds; longer than any one attempt can take. */
  leaseMs: number;
  /** Messages handled at once by this worker. */
  concurrency: number;
};

const workerId = `${hostname()}:${process.pid}:${randomToken(4)}`;

export function outboxOptions(overrides: Partial<OutboxOptions> = {}): OutboxOptions {
  const config = env();
  return {
    holder: workerId,
    retryBaseMs: config.OUTBOX_RETRY_BASE_SECONDS * 1000,
    retryWindowMs: config.OUTBOX_RETRY_HOURS * 3_600_000,
    failureThreshold: config.OUTBOX_FAILURE_THRESHOLD,
    leaseMs: Math.max(60_000, config.OUTBOUND_TIMEOUT_SECONDS * 1000 * 3),
    concurrency: 8,
    ...overrides,
  };
}
