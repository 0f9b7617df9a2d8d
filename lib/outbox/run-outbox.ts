import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { claimMessages, type ClaimedMessage } from "./claim-messages";
import { forwardMessage } from "./forward-message";
import { retryDelayMs } from "./backoff";
import type { OutboxOptions } from "./options";
import { processMessages } from "./process-message";

/** Stored deliveries processed in one transaction at most. */
const PROCESS_BATCH = 50;

/** A failed attempt (a forward's own failures are recorded by it) is retried later, or given up past the window. */
async function retryLater(message: ClaimedMessage, options: OutboxOptions, error: unknown): Promise<void> {
  log().error({ err: error, outboxId: message.id, kind: message.kind }, "outbox message failed");
  const attempts = message.attempts + 1;
  const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempts, options.retryBaseMs));
  const givingUp = nextAttemptAt.getTime() > message.createdAt.getTime() + options.retryWindowMs;
  await db()
    .outboxMessage.updateMany({
      where: { id: message.id, leaseHolder: options.holder, status: "pending" },
      data: givingUp ? { status: "gave_up", attempts, completedAt: new Date(), leaseUntil: null } : { attempts, nextAttemptAt, leaseUntil: null },
    })
    .catch(() => undefined);
  if (givingUp && message.kind === "process") {
    await db().webhookDelivery.update({ where: { id: message.deliveryId }, data: { outcome: "failed", processedAt: new Date() } }).catch(() => undefined);
  }
}

async function forward(message: ClaimedMessage, options: OutboxOptions): Promise<void> {
  await forwardMessage(message, options).catch((error: unknown) => retryLater(message, options, error));
}

/** A batch that fails is taken apart, so one delivery that cannot be processed holds back no other. */
async function processBatch(messages: ClaimedMessage[], options: OutboxOptions): Promise<void> {
  try {
    await processMessages(messages, options.holder);
  } catch (error) {
    if (messages.length === 1) return retryLater(messages[0]!, options, error);
    for (const message of messages) await processBatch([message], options);
  }
}

/**
 * One process's outbox worker: claims due messages into free slots (up to
 * `options.concurrency`) and starts them; each finished message frees its slot and looks
 * for more. A slow subscriber holds one slot, never the worker: new deliveries are still
 * processed while it hangs.
 */
export class OutboxRunner {
  private readonly inFlight = new Set<Promise<void>>();
  private claiming = false;
  private again = false;

  constructor(readonly options: OutboxOptions) {}

  /** Claims what is due into free slots and starts it; returns without waiting for the work. */
  async fill(): Promise<void> {
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    try {
      do {
        this.again = false;
        while (this.inFlight.size < this.options.concurrency) {
          // Processing takes one slot for a whole batch; each forward takes one of its own.
          const batch = await claimMessages(this.options.holder, "process", PROCESS_BATCH, this.options.leaseMs);
          if (batch.length > 0) this.start(processBatch(batch, this.options));
          const free = this.options.concurrency - this.inFlight.size;
          const forwards = free > 0 ? await claimMessages(this.options.holder, "forward", free, this.options.leaseMs) : [];
          for (const message of forwards) this.start(forward(message, this.options));
          if (batch.length === 0 && forwards.length === 0) break;
        }
      } while (this.again);
    } finally {
      this.claiming = false;
    }
  }

  private start(work: Promise<void>): void {
    const task: Promise<void> = work.finally(() => {
      this.inFlight.delete(task);
      // A finished message frees a slot and may have queued forwards.
      this.fill().catch((error: unknown) => log().error({ err: error }, "outbox claim failed"));
    });
    this.inFlight.add(task);
  }

  /** Works until nothing is due and nothing is in flight (scripts and tests). */
  async drain(): Promise<void> {
    for (;;) {
      await this.fill();
      if (this.inFlight.size === 0 && !this.claiming) return;
      await Promise.race([...this.inFlight, new Promise((resolve) => setTimeout(resolve, 20))]);
    }
  }
}

/** Handles everything due now, and what that queues, then returns. */
export function runOutbox(options: OutboxOptions): Promise<void> {
  return new OutboxRunner(options).drain();
}
