// What the health sweep costs against the Bitbucket emulator: connections checked per
// sweep, wall time, and Bitbucket calls per check. Part of `npm run bench`; alone:
// node --conditions=react-server --import tsx bench/sweep-cost.ts [--count 100] [--json]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resetDatabase } from "../scripts/lib/database";

const countIndex = process.argv.indexOf("--count");
const count = countIndex > 0 ? Number(process.argv[countIndex + 1]) : 100;
const dir = mkdtempSync(join(tmpdir(), "vcs-connect-sweep-"));
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
const { connectedConnection } = await import("../test/connected-connection");

const emulator = await start();
const consumers: string[] = [];
for (let i = 0; i < count; i++) consumers.push((await connectedConnection(db(), emulator)).consumer.key);

async function calls() {
  const stats = (await (await emulator.control("GET", "/stats")).json()) as { tokenRequests: Record<string, number>; apiRequests: Record<string, number> };
  return consumers.reduce((total, key) => total + (stats.tokenRequests[key] ?? 0) + (stats.apiRequests[key] ?? 0), 0);
}

const before = await calls();
const started = performance.now();
const result = await runSweep();
const ms = performance.now() - started;
const checked = result.ran ? result.checked : 0;
const callsPerCheck = checked ? ((await calls()) - before) / checked : 0;
if (process.argv.includes("--json")) console.log(JSON.stringify({ checked, ms, callsPerCheck }));
else console.log(`sweep: ${checked} connections in ${ms.toFixed(0)} ms = ${(ms / Math.max(1, checked)).toFixed(1)} ms each; ${callsPerCheck.toFixed(2)} Bitbucket calls per check`);

await emulator.close();
await db().$disconnect();
rmSync(dir, { recursive: true, force: true });
