import "server-only";
import { env } from "@/lib/env";

type Entry<T> = { value: Promise<T>; expiresAt: number };

/**
 * Computed status per organization, shared by every reader in this process for a few
 * seconds. A status change made here drops the entry at once; other instances' changes
 * show when the entry expires (`STATUS_CACHE_TTL_SECONDS`). Concurrent readers of an
 * expired entry share one computation.
 */
const entries = new Map<string, Entry<unknown>>();

export function cachedStatus<T>(organizationId: string, compute: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(organizationId) as Entry<T> | undefined;
  if (hit && hit.expiresAt > now) return hit.value;
  const value = compute();
  const entry = { value, expiresAt: now + env().STATUS_CACHE_TTL_SECONDS * 1000 };
  entries.set(organizationId, entry);
  // A failed computation is not kept.
  value.catch(() => {
    if (entries.get(organizationId) === entry) entries.delete(organizationId);
  });
  return value;
}

/** Drops the organization's cached status, now and once more after the caller's transaction has had time to commit. */
export function invalidateStatus(organizationId: string): void {
  entries.delete(organizationId);
  setTimeout(() => entries.delete(organizationId), 50).unref?.();
}
