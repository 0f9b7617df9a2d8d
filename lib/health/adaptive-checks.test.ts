import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { getConnection } from "@/lib/connections/read-connections";
import { withAccessToken } from "@/lib/connections/with-access-token";
import { callsInLastHour } from "@/lib/connections/consumer-usage";
import { getCurrentUser } from "@/lib/vcs/bitbucket-cloud/user";
import { connectedConnection, emulatorStats } from "@/test/connected-connection";
import { useTestDatabase } from "@/test/use-test-database";
import { runSweep } from "./run-sweep";

// Only Date is faked: the app and the in-process emulator read the same moved clock,
// while timers and sockets run normally.
const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.UTC(2026, 11, 1, 8, 0, 0));
  emulator = await start();
});
afterAll(async () => {
  await emulator.close();
  vi.useRealTimers();
});
afterEach(() => emulator.control("DELETE", "/faults"));

const SWEEP_SECONDS = 300; // HEALTH_SWEEP_INTERVAL_SECONDS' default
const callsSoFar = async (key: string) => {
  const stats = await emulatorStats(emulator, key);
  return stats.token + stats.api;
};

/** Runs the sweep every interval for `seconds` of simulated time; stops early when `until` holds. */
async function sweepFor(seconds: number, until?: () => Promise<boolean>) {
  for (let elapsed = 0; elapsed < seconds; elapsed += SWEEP_SECONDS) {
    vi.setSystemTime(Date.now() + SWEEP_SECONDS * 1000);
    await runSweep("test-sweeper");
    if (until && (await until())) return elapsed + SWEEP_SECONDS;
  }
  return null;
}

describe("adaptive health checks", () => {
  it("keep an idle, healthy connection under 30 Bitbucket calls a day, counted per consumer", async () => {
    const c = await connectedConnection(database.db, emulator);
    const before = await callsSoFar(c.consumer.key);
    await sweepFor(86_400);
    const day = (await callsSoFar(c.consumer.key)) - before;
    expect(day).toBeGreaterThanOrEqual(20);
    expect(day).toBeLessThanOrEqual(30);
    expect((await getConnection(c.access, c.id)).status).toBe("connected");

    // The app's own count of the last hour matches what Bitbucket saw in that hour.
    const hourAgo = await callsSoFar(c.consumer.key);
    await sweepFor(3_600);
    const hour = (await callsSoFar(c.consumer.key)) - hourAgo;
    expect(await callsInLastHour({ hostUrl: emulator.url, clientId: c.consumer.key })).toBe(hour);
  }, 120_000);

  it("still notice a revoked connection within the organization's interval", async () => {
    const c = await connectedConnection(database.db, emulator);
    await sweepFor(12 * 3_600); // long enough to back off to the hourly interval
    const { healthCheckIntervalSeconds } = await database.db.organization.findUniqueOrThrow({ where: { id: c.organization.id } });
    expect(healthCheckIntervalSeconds).toBe(3_600);

    await emulator.control("POST", "/grants/revoke", { consumerKey: c.consumer.key });
    const noticedAfter = await sweepFor(2 * 3_600, async () => (await getConnection(c.access, c.id)).status === "needs_reauthorization");
    expect(noticedAfter).not.toBeNull();
    expect(noticedAfter!).toBeLessThanOrEqual(healthCheckIntervalSeconds + SWEEP_SECONDS);
    expect((await getConnection(c.access, c.id)).lastError?.code).toBe("grant_revoked");
  }, 120_000);

  it("notice a revoked connection at once when it is used", async () => {
    const c = await connectedConnection(database.db, emulator);
    await sweepFor(6 * 3_600);
    await emulator.control("POST", "/grants/revoke", { consumerKey: c.consumer.key });
    await expect(withAccessToken(c.id, (token) => getCurrentUser(emulator.apiUrl, token))).rejects.toMatchObject({ code: "grant_revoked" });
    expect((await getConnection(c.access, c.id)).status).toBe("needs_reauthorization");
  }, 120_000);
});
