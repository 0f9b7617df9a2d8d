// Fans an event out to the repository's matching hooks and delivers in the background, with retries.
import { createHmac, randomUUID } from "node:crypto";
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_MAX_PAYLOAD_BYTES } from "../settings.js";
import type { Store } from "../store.js";
import type { Clock, Hook } from "../types.js";
import { DeliveryLog, type Delivery } from "./delivery-log.js";
import { post, type SendResult } from "./send.js";

export interface EmittedEvent {
  hookUuid: string;
  requestUuid: string;
  eventKey: string;
}

const bare = (uuid: string) => uuid.replace(/^\{|\}$/g, "");

/** 5xx and no answer at all are worth another try; anything else is final. */
function retryable(r: SendResult): boolean {
  return r.status === null || r.status >= 500;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

export class WebhookDispatcher {
  readonly log = new DeliveryLog();
  private running = new Set<AbortController>();

  constructor(private readonly store: Store, private readonly clock: Clock) {}

  /** Queues one delivery per active hook of the repository subscribed to the event; never waits for them. */
  emit(repo: string, eventKey: string, payload: unknown): EmittedEvent[] {
    const hooks = this.store.hooks.list(repo).filter((h) => h.active && h.events.includes(eventKey));
    if (hooks.length === 0) return [];
    const body = Buffer.from(JSON.stringify(payload), "utf8");
    return hooks.map((hook) => {
      const delivery = this.log.add({
        requestUuid: randomUUID(), hookUuid: hook.uuid, eventKey, repository: repo, url: hook.url,
        createdAt: new Date(this.clock.now()).toISOString(), attempts: [], finished: false,
      });
      if (body.length > WEBHOOK_MAX_PAYLOAD_BYTES) {
        delivery.skipped = "payload too large";
        delivery.finished = true;
      } else {
        void this.deliver({ ...hook, events: [...hook.events] }, delivery, body);
      }
      return { hookUuid: hook.uuid, requestUuid: delivery.requestUuid, eventKey };
    });
  }

  private async deliver(hook: Hook, delivery: Delivery, body: Buffer): Promise<void> {
    const controller = new AbortController();
    this.running.add(controller);
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "User-Agent": "Bitbucket-Webhooks/2.0",
      "X-Event-Key": delivery.eventKey,
      "X-Hook-UUID": bare(hook.uuid),
      "X-Request-UUID": delivery.requestUuid,
    };
    if (hook.secret) headers["X-Hub-Signature"] = `sha256=${createHmac("sha256", hook.secret).update(body).digest("hex")}`;
    try {
      for (let n = 1; n <= WEBHOOK_MAX_ATTEMPTS; n++) {
        if (controller.signal.aborted) break;
        // A hook deleted or switched off meanwhile gets no more retries.
        const current = n === 1 ? hook : this.store.hooks.get(hook.uuid);
        if (!current || !current.active) break;
        const at = new Date(this.clock.now()).toISOString();
        const timeout = this.store.settings.webhookTimeoutMs;
        const result = await post(hook.url, { ...headers, "X-Attempt-Number": String(n) }, body, timeout, controller.signal);
        delivery.attempts.push({ number: n, at, ...result });
        if (!retryable(result) || n === WEBHOOK_MAX_ATTEMPTS) break;
        await pause(this.store.settings.webhookRetryDelayMs, controller.signal);
      }
    } catch (e) {
      console.error("[emulator] webhook delivery failed:", e);
    } finally {
      delivery.finished = true;
      this.running.delete(controller);
    }
  }

  /** Stops every delivery still under way (reset, clearing the log, shutdown). */
  cancelAll(): void {
    for (const c of this.running) c.abort();
    this.running.clear();
  }

  clear(): void {
    this.cancelAll();
    this.log.clear();
  }
}
