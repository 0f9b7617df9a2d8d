/**
 * A small in-process cache of computed values with a time to live: concurrent readers of a
 * missing or expired key share one computation; a failed computation, or a value `keep`
 * rejects, is not kept; past `maxEntries` the oldest entry goes. Each instance has its own,
 * so whatever is cached here must be right again within the TTL when another instance
 * changes it; a change made in this instance calls `forget`.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expiresAt: number }>();

  constructor(private readonly options: { ttlMs: () => number; maxEntries?: number; keep?: (value: T) => boolean }) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const entry = { value: compute(), expiresAt: now + this.options.ttlMs() };
    this.entries.delete(key);
    if (this.entries.size >= (this.options.maxEntries ?? 10_000)) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    const drop = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    entry.value.then((value) => (this.options.keep && !this.options.keep(value) ? drop() : undefined), drop);
    return entry.value;
  }

  /** Drops the key now, and once more shortly after, when the caller's transaction has committed. */
  forget(key: string): void {
    this.entries.delete(key);
    setTimeout(() => this.entries.delete(key), 50).unref?.();
  }
}
