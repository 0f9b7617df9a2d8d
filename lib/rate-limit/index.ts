import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import type { Env } from "@/lib/env/schema";
import { AppError } from "@/lib/errors/app-error";

/**
 * Request ceilings per minute, counted in this process's memory (rate-limiter-flexible):
 * with several instances each counts its own share, so the effective ceiling is the
 * setting times the number of instances. Enough to stop a flood from one source; not a
 * budget shared across instances.
 */
const SETTINGS = {
  webhook: "WEBHOOK_RATE_LIMIT_PER_MINUTE",
  sign_in: "SIGN_IN_RATE_LIMIT_PER_MINUTE",
  api_token: "API_RATE_LIMIT_PER_MINUTE",
  connect: "CONNECT_RATE_LIMIT_PER_MINUTE",
} as const satisfies Record<string, keyof Env>;

export type RateLimitName = keyof typeof SETTINGS;

const limiters = new Map<RateLimitName, RateLimiterMemory>();

function limiter(name: RateLimitName): RateLimiterMemory {
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterMemory({ keyPrefix: name, points: env()[SETTINGS[name]], duration: 60 });
    limiters.set(name, found);
  }
  return found;
}

/** Counts one request for `key` (a hook, a token hash, a client address); past the ceiling, `rate_limited` with when to retry. */
export async function takeRequest(name: RateLimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (result) {
    if (result instanceof RateLimiterRes) {
      throw new AppError("rate_limited", { detail: `at most ${env()[SETTINGS[name]]} a minute`, retryAfterMs: result.msBeforeNext });
    }
    throw result;
  }
}

/** Retry-After (whole seconds, at least 1) for a `rate_limited` error. */
export function retryAfterHeader(error: AppError): Record<string, string> {
  return error.code === "rate_limited" ? { "retry-after": String(Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 1000))) } : {};
}
