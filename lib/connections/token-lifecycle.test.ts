import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { AppError } from "@/lib/errors/app-error";
import { getCurrentUser } from "@/lib/vcs/bitbucket-cloud/user";
import { connectedConnection, emulatorStats } from "@/test/connected-connection";
import { runWorker } from "@/test/processes";
import { useTestDatabase } from "@/test/use-test-database";
import { checkConnection } from "@/lib/health/check-connection";
import { getAccessToken } from "./get-access-token";
import { getConnection } from "./read-connections";
import { withAccessToken } from "./with-access-token";

// Short timeouts so a hanging host fails fast, and a status that turns after one failed
// check; read by env() on first use in this file.
vi.stubEnv("OUTBOUND_TIMEOUT_SECONDS", "0.5");
vi.stubEnv("HEALTH_FAILURE_THRESHOLD", "1");

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());
afterEach(() => emulator.control("DELETE", "/faults"));

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Both sides agree the access token has expired: Bitbucket refuses it and our record says so. */
async function expireAccessToken(c: { id: string; consumer: { key: string } }) {
  await emulator.control("POST", "/tokens/expire", { consumerKey: c.consumer.key });
  await database.db.vcsGrant.update({ where: { connectionId: c.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
}

const fault = (body: object) => emulator.control("POST", "/faults", body);

describe("getAccessToken", () => {
  it("gives 50 concurrent callers a working token with exactly one refresh", async () => {
    const c = await connectedConnection(database.db, emulator);
    await expireAccessToken(c);
    const before = await emulatorStats(emulator, c.consumer.key);

    const tokens = await Promise.all(Array.from({ length: 50 }, () => getAccessToken(c.id)));

    expect((await emulatorStats(emulator, c.consumer.key)).token - before.token).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect((await getCurrentUser(emulator.apiUrl, tokens[0]!)).display_name).toBe("Alice Anderson");
  }, 30_000);

  it("refreshes once when two app processes need the token at the same moment", async () => {
    const c = await connectedConnection(database.db, emulator);
    await expireAccessToken(c);
    const before = await emulatorStats(emulator, c.consumer.key);
    // A slow token endpoint keeps the first refresh in flight while the other process asks.
    await fault({ target: "token", delayMs: 2_000, times: 1 });

    const env = { DATABASE_URL: database.url, OUTBOUND_TIMEOUT_SECONDS: "10" };
    const outputs = await Promise.all([runWorker("test/workers/get-access-tokens.ts", [c.id, "25"], env), runWorker("test/workers/get-access-tokens.ts", [c.id, "25"], env)]);

    const distinct = new Set(outputs.flatMap((output) => JSON.parse(output) as string[]));
    expect(distinct.size).toBe(1);
    expect((await emulatorStats(emulator, c.consumer.key)).token - before.token).toBe(1);
    expect((await getCurrentUser(emulator.apiUrl, [...distinct][0]!)).display_name).toBe("Alice Anderson");
    // Two Node processes start (TypeScript compiled on the fly) besides the 2 s hold: more than the default 5 s on a busy machine.
  }, 30_000);

  it("waits at least as long as Retry-After on a 429, then succeeds", async () => {
    const c = await connectedConnection(database.db, emulator);
    await expireAccessToken(c);
    await fault({ target: "token", status: 429, retryAfter: 2, times: 1 });

    const started = Date.now();
    await getAccessToken(c.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect((await getConnection(c.access, c.id)).status).toBe("connected");
  });

  it("recovers from three server errors in a row without changing the status", async () => {
    const c = await connectedConnection(database.db, emulator);
    await expireAccessToken(c);
    await fault({ target: "token", status: 500, times: 3 });

    const token = await getAccessToken(c.id);
    expect((await getCurrentUser(emulator.apiUrl, token)).display_name).toBe("Alice Anderson");
    expect((await getConnection(c.access, c.id)).status).toBe("connected");
  });

  it("marks a revoked grant as needing reauthorization, with the reason, and stops refreshing", async () => {
    const c = await connectedConnection(database.db, emulator);
    await emulator.control("POST", "/grants/revoke", { consumerKey: c.consumer.key });
    await expireAccessToken(c);

    expect((await rejection(getAccessToken(c.id))).code).toBe("grant_revoked");
    expect(await getConnection(c.access, c.id)).toMatchObject({ status: "needs_reauthorization", lastError: { code: "grant_revoked" } });

    const before = await emulatorStats(emulator, c.consumer.key);
    expect((await rejection(getAccessToken(c.id))).code).toBe("needs_reauthorization");
    expect((await emulatorStats(emulator, c.consumer.key)).token).toBe(before.token);
  });

  it("gives up on a hanging token endpoint within the timeout and says the host is not answering", async () => {
    const c = await connectedConnection(database.db, emulator);
    await expireAccessToken(c);
    await fault({ target: "token", delayMs: 5_000, times: 0 });

    const started = Date.now();
    const error = await rejection(getAccessToken(c.id));
    expect(error.code).toBe("host_timeout");
    // Four attempts of 0.5 s each plus capped back-off, far below the 5 s the host would take each time.
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(await database.db.healthEvent.count({ where: { connectionId: c.id, kind: "refresh", ok: false, errorCode: "host_timeout" } })).toBe(1);

    // The next health check fails the same way, and the status now says the host is not answering.
    expect(await checkConnection(c.id)).toMatchObject({ ok: false, errorCode: "host_timeout" });
    expect(await getConnection(c.access, c.id)).toMatchObject({ status: "error", lastError: { code: "host_timeout", message: "The host did not answer in time." } });
  }, 30_000);
});

describe("withAccessToken", () => {
  it("answers a 401 from the API with one refresh and one retry", async () => {
    const c = await connectedConnection(database.db, emulator);
    // Bitbucket expired the token early; our record still thinks it is fresh.
    await emulator.control("POST", "/tokens/expire", { consumerKey: c.consumer.key });
    const before = await emulatorStats(emulator, c.consumer.key);
    const calls: string[] = [];

    const user = await withAccessToken(c.id, (credential) => (calls.push(credential.authorization()), getCurrentUser(emulator.apiUrl, credential)));

    expect(user.display_name).toBe("Alice Anderson");
    expect(calls).toHaveLength(2);
    expect(calls[0]).not.toBe(calls[1]);
    expect((await emulatorStats(emulator, c.consumer.key)).token - before.token).toBe(1);
  });

  it("does not loop when the fresh token is refused too", async () => {
    const c = await connectedConnection(database.db, emulator);
    await emulator.control("POST", "/tokens/expire", { consumerKey: c.consumer.key });
    let calls = 0;
    const error = await rejection(
      withAccessToken(c.id, async () => {
        calls += 1;
        throw new AppError("bitbucket_token_rejected");
      }),
    );
    expect(error.code).toBe("bitbucket_token_rejected");
    expect(calls).toBe(2);
  });
});
