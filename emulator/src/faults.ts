// Injected failures, consumed in the order they were added.
import type { FaultInput } from "./schemas.js";

export type FaultTarget = "token" | "api" | "authorize";

export interface Fault {
  target: FaultTarget;
  status?: number | undefined;
  body?: unknown;
  retryAfter?: number | undefined;
  delayMs?: number | undefined;
  drop?: boolean | undefined;
  /** Remaining uses; 0 = until cleared. */
  times: number;
}

export class FaultQueue {
  private faults: Fault[] = [];

  add(input: FaultInput): Fault {
    const fault: Fault = { ...input, target: input.target, times: input.times };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Takes the first fault for the target, using up one of its times. */
  take(target: FaultTarget): Fault | undefined {
    const i = this.faults.findIndex((f) => f.target === target);
    if (i < 0) return undefined;
    const fault = this.faults[i] as Fault;
    if (fault.times > 0) {
      fault.times -= 1;
      if (fault.times === 0) this.faults.splice(i, 1);
    }
    return fault;
  }
}

export class Stats {
  tokenRequests: Record<string, number> = {};
  apiRequests: Record<string, number> = {};

  countToken(consumerKey: string): void {
    this.tokenRequests[consumerKey] = (this.tokenRequests[consumerKey] ?? 0) + 1;
  }
  countApi(consumerKey: string): void {
    this.apiRequests[consumerKey] = (this.apiRequests[consumerKey] ?? 0) + 1;
  }
  reset(): void {
    this.tokenRequests = {};
    this.apiRequests = {};
  }
  toJSON(): { tokenRequests: Record<string, number>; apiRequests: Record<string, number> } {
    return { tokenRequests: { ...this.tokenRequests }, apiRequests: { ...this.apiRequests } };
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
