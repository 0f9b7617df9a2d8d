import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { claimMessages, type ClaimedMessage } from "./claim-messages";
import { forwardMessage } from "./forward-message";
import { retryDelayMs } from "./backoff";
import type { OutboxOptions } from "./options";
import { processMessage } from "./process-message";

/** A processing failure (not a forward: those record their own outcome) is retried later like one. */
async function handle(message: ClaimedMessage, options: OutboxOptions): Promise<void> {
  try {
    if (message.kind === "process") await processMessage(message, options.holder);
    else await forwardMessage(message, options);
  } catch (error) {
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
          const claimed = await claimMessages(this.options.holder, this.options.concurrency - this.inFlight.size, this.options.leaseMs);
          if (claimed.length === 0) break;
          for (const message of claimed) this.start(message);
        }
      } while (this.again);
    } finally {
      this.claiming = false;
    }
  }

  private start(message: ClaimedMessage): void {
    const task: Promise<void> = handle(message, this.options).finally(() => {
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
