// What happened to each webhook delivery, newest first, kept in memory only.
import { MAX_DELIVERY_RECORDS } from "../settings.js";
import { bareUuid } from "./hook-store.js";

export interface Attempt {
  number: number;
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  requestUuid: string;
  hookUuid: string;
  eventKey: string;
  repository: string;
  url: string;
  createdAt: string;
  attempts: Attempt[];
  finished: boolean;
  skipped?: string;
}

export class DeliveryLog {
  private items: Delivery[] = [];

  add(d: Delivery): Delivery {
    this.items.unshift(d);
    if (this.items.length > MAX_DELIVERY_RECORDS) this.items.length = MAX_DELIVERY_RECORDS;
    return d;
  }

  /** Copies, so callers never see a record change under them. */
  list(hookUuid?: string, limit = Infinity): Delivery[] {
    const id = hookUuid === undefined ? undefined : bareUuid(hookUuid);
    return this.items
      .filter((d) => id === undefined || bareUuid(d.hookUuid) === id)
      .slice(0, limit)
      .map((d) => ({ ...d, attempts: d.attempts.map((a) => ({ ...a })) }));
  }

  clear(): void {
    this.items = [];
  }
}
