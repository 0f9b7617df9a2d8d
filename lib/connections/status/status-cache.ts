import "server-only";
import { TtlCache } from "@/lib/cache/ttl-cache";
import { env } from "@/lib/env";

/**
 * Computed status per organization, shared by every reader in this process for a few
 * seconds. A status change made here drops the entry at once; other instances' changes
 * show when the entry expires (`STATUS_CACHE_TTL_SECONDS`).
 */
const statuses = new TtlCache<unknown>({ ttlMs: () => env().STATUS_CACHE_TTL_SECONDS * 1000 });

export function cachedStatus<T>(organizationId: string, compute: () => Promise<T>): Promise<T> {
  return statuses.get(organizationId, compute) as Promise<T>;
}

export function invalidateStatus(organizationId: string): void {
  statuses.forget(organizationId);
}
