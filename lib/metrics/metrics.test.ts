import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { withAccessToken } from "@/lib/connections/with-access-token";
import { getCurrentUser } from "@/lib/vcs/bitbucket-cloud/user";
import { runSweep } from "@/lib/health/run-sweep";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";
import { connectedConnection } from "@/test/connected-connection";
import { useTestDatabase } from "@/test/use-test-database";

const TOKEN = "metrics-scrape-token-0123456789abcdef";
vi.stubEnv("METRICS_TOKEN", TOKEN);

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

const scrape = (authorization?: string) => GET(new Request("http://localhost:3999/api/metrics", { headers: authorization ? { authorization } : {} }));

/** A sample's value from the exposition text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const [series, value] = line.split(/ (?=[^ ]+$)/);
    const labelText = series!.slice(name.length);
    if ((labelText === "" || labelText.startsWith("{")) && wanted.every((w) => labelText.includes(w))) return Number(value);
  }
  return undefined;
}

describe("GET /api/metrics", () => {
  it("answers only with the bearer token from the environment", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong-token-wrong-token-wrong")).status).toBe(401);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
  });

  it("reports connections by status, Bitbucket calls per consumer and status code, and the sweep", async () => {
    const c = await connectedConnection(database.db, emulator);
    await withAccessToken(c.id, (token) => getCurrentUser(emulator.apiUrl, token));
    await runSweep();
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();

    expect(sample(text, "vcs_connect_connections", { status: "connected" })).toBe(await database.db.vcsConnection.count({ where: { status: "connected" } }));
    expect(sample(text, "vcs_connect_connections", { status: "needs_reauthorization" })).toBe(0);
    const consumer = `${new URL(emulator.url).host} …${c.consumer.key.slice(-4)}`;
    expect(sample(text, "vcs_connect_bitbucket_calls_total", { consumer, status: "200" })).toBeGreaterThanOrEqual(2);
    expect(sample(text, "vcs_connect_health_sweep_duration_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "vcs_connect_health_sweep_lag_seconds")).toBe(0);
    expect(sample(text, "vcs_connect_health_sweep_last_completed_timestamp_seconds")).toBeGreaterThan(0);
    // A delivery for no known hook is rejected, and counted as such.
    const rejectedBefore = sample(text, "vcs_connect_webhook_deliveries_total", { outcome: "rejected" }) ?? 0;
    await receiveDelivery("no-such-hook", new TextEncoder().encode("{}"), { signature: null, eventKey: "repo:push", requestUuid: "r-1", attempt: "1" }).catch(() => undefined);
    const after = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(after, "vcs_connect_webhook_deliveries_total", { outcome: "rejected" })).toBe(rejectedBefore + 1);
    // Only the key's last four characters, never the whole key or a secret.
    expect(text).not.toContain(c.consumer.key);
    expect(text).not.toContain(c.consumer.secret);
  });
});
