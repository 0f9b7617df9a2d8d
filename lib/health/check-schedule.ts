import "server-only";
import { env } from "@/lib/env";

/** Bitbucket drops a refresh token left unused for 3 months; one older than this is spent by the next check. */
export const REFRESH_TOKEN_IDLE_LIMIT_MS = 75 * 86_400_000;

/**
 * When to check a connection next. After a failure or a change, at the next sweep
 * (HEALTH_SWEEP_INTERVAL_SECONDS); while it stays healthy the gap doubles, up to the
 * organization's interval. A revoked grant is therefore noticed within that interval
 * (and at once by any use of the connection).
 */
export function nextCheck(options: { ok: boolean; previousBackoffSeconds: number | null; organizationIntervalSeconds: number; now?: number }) {
  const { HEALTH_SWEEP_INTERVAL_SECONDS: base, HEALTH_CHECK_MAX_INTERVAL_SECONDS: cap } = env();
  const ceiling = Math.max(base, Math.min(cap, options.organizationIntervalSeconds));
  const backoffSeconds = !options.ok || options.previousBackoffSeconds === null ? base : Math.min(ceiling, Math.max(base, options.previousBackoffSeconds * 2));
  return { nextCheckAt: new Date((options.now ?? Date.now()) + backoffSeconds * 1000), checkBackoffSeconds: options.ok ? backoffSeconds : null };
}
