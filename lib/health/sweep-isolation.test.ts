import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { connectedConnection } from "@/test/connected-connection";
import { useTestDatabase } from "@/test/use-test-database";
import { runSweep } from "./run-sweep";

// Two slots, one per host: without the per-host cap the slow host's checks would take both.
vi.stubEnv("HEALTH_SWEEP_CONCURRENCY", "2");
vi.stubEnv("HEALTH_SWEEP_PER_HOST", "1");

const database = useTestDatabase();
// Two Bitbucket hosts: one of them will answer every call after 10 seconds.
let slowHost: TestEmulator;
let fastHost: TestEmulator;
beforeAll(async () => {
  [slowHost, fastHost] = await Promise.all([start(), start()]);
});
afterAll(async () => {
  await Promise.all([slowHost.close(), fastHost.close()]);
});

const checkedAt = async (connectionId: string) =>
  (await database.db.healthEvent.findFirstOrThrow({ where: { connectionId, kind: "check" }, orderBy: { createdAt: "desc" } })).createdAt.getTime();

describe("the sweep at scale", () => {
  it("checks other organizations while one host takes 10 seconds to answer", async () => {
    // The slow organization's connections come first in every order the sweep could use.
    const slow = [];
    for (let i = 0; i < 2; i++) slow.push(await connectedConnection(database.db, slowHost));
    const fast = [];
    for (let i = 0; i < 3; i++) fast.push(await connectedConnection(database.db, fastHost));
    await slowHost.control("POST", "/faults", { target: "api", delayMs: 10_000, times: 0 });
    await slowHost.control("POST", "/faults", { target: "token", delayMs: 10_000, times: 0 });

    const started = Date.now();
    const summary = await runSweep();
    expect(summary).toMatchObject({ ran: true, checked: 5 });

    const fastAt = Math.max(...(await Promise.all(fast.map((c) => checkedAt(c.id)))));
    const slowAt = Math.min(...(await Promise.all(slow.map((c) => checkedAt(c.id)))));
    expect(fastAt - started).toBeLessThan(10_000);
    expect(fastAt).toBeLessThan(slowAt);
    await slowHost.control("DELETE", "/faults");
  }, 60_000);
});
