// Measures what the health sweep costs per connection against the Bitbucket emulator:
// wall time, API calls and token-endpoint calls, and from that the idle daily API use.
// Run: npm run bench:sweep [-- <connections>]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resetDatabase } from "../scripts/lib/database";

const count = Number(process.argv[2] ?? 20);
const dir = mkdtempSync(join(tmpdir(), "vcs-connect-bench-"));
Object.assign(process.env, {
  DATABASE_URL: `file:${join(dir, "bench.db")}`,
  APP_URL: "http://localhost:3999",
  AUTH_SECRET: "bench-auth-secret-000000000000000000000",
  ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
  BITBUCKET_LOGIN_CLIENT_ID: "bench",
  BITBUCKET_LOGIN_CLIENT_SECRET: "bench",
  // The in-process emulator listens on loopback at a random port.
  ALLOWED_PRIVATE_ORIGINS: "http://127.0.0.1:*",
  LOG_LEVEL: "silent",
});
await resetDatabase(process.env.DATABASE_URL!);

const { start } = await import("../emulator/test/helpers");
const { db } = await import("../lib/db");
const { runSweep } = await import("../lib/health/run-sweep");
const { env } = await import("../lib/env");
const { connectedConnection } = await import("../test/connected-connection");

const emulator = await start();
const consumers: string[] = [];
for (let i = 0; i < count; i++) consumers.push((await connectedConnection(db(), emulator)).consumer.key);

async function totals() {
  const stats = (await (await emulator.control("GET", "/stats")).json()) as { tokenRequests: Record<string, number>; apiRequests: Record<string, number> };
  const sum = (record: Record<string, number>) => consumers.reduce((total, key) => total + (record[key] ?? 0), 0);
  return { api: sum(stats.apiRequests), token: sum(stats.tokenRequests) };
}

async function sweep(label: string) {
  await db().lease.deleteMany({});
  const before = await totals();
  const started = performance.now();
  const result = await runSweep();
  const ms = performance.now() - started;
  const after = await totals();
  const per = (n: number) => (n / count).toFixed(2);
  console.log(`${label}: ${result.ran ? result.checked : 0} connections in ${ms.toFixed(0)} ms = ${(ms / count).toFixed(1)} ms each; API calls ${per(after.api - before.api)}/connection, token calls ${per(after.token - before.token)}/connection`);
  return { apiPerConnection: (after.api - before.api) / count };
}

const fresh = await sweep("sweep, tokens fresh");
await db().vcsGrant.updateMany({ data: { expiresAt: new Date(Date.now() + 60_000) } });
await sweep("sweep, tokens within the refresh margin");

const interval = env().HEALTH_SWEEP_INTERVAL_SECONDS;
const sweepsPerDay = 86_400 / interval;
const refreshesPerDay = 86_400 / (7_200 - env().TOKEN_REFRESH_MARGIN_SECONDS);
console.log(
  `idle connection, sweep every ${interval} s: ${(sweepsPerDay * fresh.apiPerConnection).toFixed(0)} API calls/day ` +
    `(${((sweepsPerDay * fresh.apiPerConnection) / 24).toFixed(1)}/hour against Bitbucket's 1,000/hour per consumer), ` +
    `plus ${refreshesPerDay.toFixed(1)} token refreshes/day at the token endpoint`,
);

await emulator.close();
await db().$disconnect();
rmSync(dir, { recursive: true, force: true });
