import { isAppError } from "@/lib/errors/app-error";
import { currentCallContext } from "./call-context";

/** Failures worth retrying: the network, timeouts, 429 and 5xx. Everything else is final. */
export const TRANSIENT_CODES = new Set(["host_unreachable", "host_timeout", "bitbucket_unavailable"]);

export function isTransient(error: unknown): boolean {
  return isAppError(error) && TRANSIENT_CODES.has(error.code);
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export type RetryPolicy = { attempts: number; baseDelayMs: number; maxDelayMs: number; sleep?: (ms: number) => Promise<void> };

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call`, retrying transient failures with capped exponential back-off and full
 * jitter. A Retry-After the server sent is honoured as the minimum wait (up to the cap).
 */
export async function withRetries<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const sleep = policy.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.attempts || !isTransient(error)) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * Math.random();
      const asked = isAppError(error) ? (error.retryAfterMs ?? 0) : 0;
      const wait = Math.min(policy.maxDelayMs, Math.max(asked, backoff));
      // No retry that could not start before the surrounding deadline.
      const deadline = currentCallContext()?.deadline;
      if (deadline !== undefined && Date.now() + wait >= deadline) throw error;
      await sleep(wait);
    }
  }
}
