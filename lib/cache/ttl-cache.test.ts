import { afterEach, describe, expect, it, vi } from "vitest";
import { TtlCache } from "./ttl-cache";

afterEach(() => vi.useRealTimers());

describe("TtlCache", () => {
  it("computes once for concurrent readers, again after the TTL or a forget", async () => {
    vi.useFakeTimers();
    let computed = 0;
    const cache = new TtlCache<number>({ ttlMs: () => 2_000 });
    const compute = async () => ++computed;
    expect(await Promise.all([cache.get("a", compute), cache.get("a", compute)])).toEqual([1, 1]);
    vi.advanceTimersByTime(1_999);
    expect(await cache.get("a", compute)).toBe(1);
    vi.advanceTimersByTime(2);
    expect(await cache.get("a", compute)).toBe(2);
    cache.forget("a");
    expect(await cache.get("a", compute)).toBe(3);
  });

  it("keeps neither a failure nor a value `keep` refuses", async () => {
    const cache = new TtlCache<string | null>({ ttlMs: () => 60_000, keep: (value) => value !== null });
    await expect(cache.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("a", async () => "up")).toBe("up");
    expect(await cache.get("b", async () => null)).toBeNull();
    await Promise.resolve();
    expect(await cache.get("b", async () => "now known")).toBe("now known");
  });

  it("holds at most maxEntries, dropping the oldest", async () => {
    const cache = new TtlCache<string>({ ttlMs: () => 60_000, maxEntries: 2 });
    for (const key of ["a", "b", "c"]) await cache.get(key, async () => `${key}1`);
    expect(await cache.get("a", async () => "a2")).toBe("a2");
    expect(await cache.get("c", async () => "c2")).toBe("c1");
  });
});
