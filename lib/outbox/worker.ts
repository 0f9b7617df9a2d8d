import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { outboxOptions, type OutboxOptions } from "./options";
import { OutboxRunner } from "./run-outbox";

const globalForOutbox = globalThis as typeof globalThis & { vcsConnectOutbox?: OutboxRunner };

function fill(runner: OutboxRunner): void {
  runner.fill().catch((error: unknown) => log().error({ err: error }, "outbox worker failed to claim"));
}

/**
 * Runs the outbox worker in this process: it polls for due messages and is woken at once
 * when a delivery is stored here. Every instance may run one; claims keep each attempt to one.
 */
export function startOutboxWorker(overrides: Partial<OutboxOptions> = {}): void {
  if (globalForOutbox.vcsConnectOutbox) return;
  const runner = new OutboxRunner(outboxOptions(overrides));
  globalForOutbox.vcsConnectOutbox = runner;
  setInterval(() => fill(runner), env().OUTBOX_POLL_SECONDS * 1000).unref();
  fill(runner);
}

let wakeScheduled = false;

/**
 * Asks this process's worker (if it runs one) to look for work within a few milliseconds;
 * returns at once. Wakes in that window are one: a burst of deliveries is claimed and
 * processed as a batch rather than one query round per delivery.
 */
export function wakeOutbox(): void {
  const runner = globalForOutbox.vcsConnectOutbox;
  if (!runner || wakeScheduled) return;
  wakeScheduled = true;
  setTimeout(() => {
    wakeScheduled = false;
    fill(runner);
  }, 50);
}
