// The webhook receiver and the organization status page under load, side by side on
// SQLite (one instance), PostgreSQL with one instance, and PostgreSQL with two instances
// sharing the database (the load split between them, as a balancer would), in one run
// against the production build. PostgreSQL: POSTGRES_URL, or the server
// `bash scripts/postgres.sh` starts.
//   npx next build && npm run bench:databases [-- <seconds> <connections>]
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { postgresDatabaseUrl, postgresQuery, resetDatabase } from "../scripts/lib/database";

const seconds = Number(process.argv[2] ?? 8);
const connections = Number(process.argv[3] ?? 20);
if (!existsSync(".next/BUILD_ID")) throw new Error("Build first: npx next build");

const baseEnv = {
  AUTH_SECRET: "bench-auth-secret-000000000000000000000",
  ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"),
  BITBUCKET_LOGIN_CLIENT_ID: "bench",
  BITBUCKET_LOGIN_CLIENT_SECRET: "bench",
  LOG_LEVEL: "warn",
  HEALTH_SWEEP_INTERVAL_SECONDS: "86400",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production" as const,
};
Object.assign(process.env, baseEnv);
const { createDatabaseClient } = await import("../lib/db/client");
const { sealSecret } = await import("../lib/crypto/keyring");
const { projectSealContext } = await import("../lib/webhooks/seal-context");
const { signBody } = await import("../lib/webhooks/signature");

const hookSecret = "bench-hook-secret-0123456789abcdef0123456789abcdef";
const sessionToken = "bench-session-token-0123456789abcdef";
// A typical push payload (about 3 KB), signed once: the body is the same for every request.
const body = JSON.stringify({
  actor: { display_name: "Alice Anderson", uuid: "{a}" },
  repository: { full_name: "bench/api", name: "api", uuid: "{bench}" },
  push: { changes: [{ new: { type: "branch", name: "main", target: { hash: "a".repeat(40), message: "Bench commit\n\n" + "x".repeat(2000), author: { raw: "Alice <alice@acme.example>" } } }, commits: [{ hash: "a".repeat(40) }] }] },
});
const signature = signBody(hookSecret, new TextEncoder().encode(body));

/** An organization with five connected connections and a week of health history, a member, and a project with a hook. */
async function seed(url: string) {
  await resetDatabase(url);
  const db = createDatabaseClient(url);
  const user = await db.user.create({ data: { name: "Bench", email: "bench@example.test", role: "owner" } });
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  const organization = await db.organization.create({ data: { name: "Bench", slug: "bench" } });
  await db.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "member" } });
  let first = "";
  for (let c = 0; c < 5; c++) {
    const connection = await db.vcsConnection.create({
      data: { organizationId: organization.id, provider: "bitbucket_cloud", name: `bb${c}`, hostUrl: "https://bitbucket.org", apiUrl: "https://api.bitbucket.org/2.0", profile: "repository_sync", requiredScopes: "webhook", status: "connected", lastCheckedAt: new Date(), lastSuccessAt: new Date() },
    });
    first ||= connection.id;
    await db.healthEvent.createMany({
      data: Array.from({ length: 7 * 288 }, (_, i) => ({ connectionId: connection.id, kind: "check", ok: i % 50 !== 0, latencyMs: 120, createdAt: new Date(Date.now() - i * 300_000) })),
    });
  }
  const project = await db.project.create({
    data: { organizationId: organization.id, connectionId: first, repositoryUuid: "{bench}", fullName: "bench/api", workspaceSlug: "bench", slug: "api", name: "api", isPrivate: true, hookId: "bench-hook", hookSecretSealed: "", events: "repo:push" },
  });
  await db.project.update({ where: { id: project.id }, data: { hookSecretSealed: sealSecret(hookSecret, projectSealContext.hookSecret(project.id)) } });
  return db;
}

async function startServers(url: string, ports: number[]): Promise<ChildProcess[]> {
  const children = ports.map((port) =>
    spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port)], {
      env: { ...process.env, ...baseEnv, DATABASE_URL: url, APP_URL: `http://localhost:${ports[0]}` },
      stdio: "ignore",
      detached: true,
    }),
  );
  for (const [i, port] of ports.entries()) {
    for (let tries = 0; ; tries++) {
      if (children[i]!.exitCode !== null || tries > 300) throw new Error(`next start on port ${port} did not come up`);
      if (await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return children;
}

type Result = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

/** Splits the connections between the servers and runs them at once; sums throughput, takes the worse latency. */
async function load(ports: number[], options: (port: number) => autocannon.Options): Promise<Result> {
  const results = await Promise.all(ports.map((port) => autocannon({ ...options(port), connections: Math.max(1, Math.round(connections / ports.length)), duration: seconds })));
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}

const receiver = (port: number): autocannon.Options => ({
  url: `http://localhost:${port}/api/webhooks/bitbucket/bench-hook`,
  method: "POST",
  headers: { "content-type": "application/json", "x-event-key": "repo:push", "x-attempt-number": "1", "x-hub-signature": signature },
  body,
  requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, "x-request-uuid": randomUUID() } }) }],
});
const statusPage = (port: number): autocannon.Options => ({
  url: `http://localhost:${port}/orgs/bench/status`,
  headers: { cookie: `authjs.session-token=${sessionToken}` },
});

/** Ports nobody listens on now (other checkouts on this machine run servers too). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
const [portA, portB] = [await freePort(), await freePort()];

const server = process.env.POSTGRES_URL || execFileSync("bash", ["scripts/postgres.sh"], { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "vcs-connect-bench-"));
const pgName = `vcs_bench_${process.pid}`;
await postgresQuery(server, `CREATE DATABASE "${pgName}"`);
const setups = [
  { name: "SQLite, 1 instance", url: `file:${join(dir, "bench.db")}`, ports: [portA] },
  { name: "PostgreSQL, 1 instance", url: postgresDatabaseUrl(server, pgName), ports: [portA] },
  { name: "PostgreSQL, 2 instances", url: postgresDatabaseUrl(server, pgName), ports: [portA, portB] },
];
const rows: string[] = [];
try {
  for (const setup of setups) {
    const db = await seed(setup.url);
    const children = await startServers(setup.url, setup.ports);
    try {
      // Warm-up: the first requests compile and connect.
      await load(setup.ports, (port) => ({ ...statusPage(port), duration: 1 }));
      const page = await load(setup.ports, statusPage);
      const hooks = await load(setup.ports, receiver);
      const stored = await db.webhookDelivery.count();
      rows.push(
        `| ${setup.name} | ${hooks.rps.toFixed(0)} | ${hooks.p50} / ${hooks.p99} | ${stored} stored, ${hooks.non2xx + hooks.errors} failed | ${page.rps.toFixed(0)} | ${page.p50} / ${page.p99} | ${page.non2xx + page.errors} |`,
      );
      console.error(rows.at(-1));
    } finally {
      for (const child of children) if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
      await db.$disconnect();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
} finally {
  await postgresQuery(server, `DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${seconds} s per run, ${connections} connections in all (split between instances)\n`);
console.log("| setup | receiver deliveries/s | receiver p50 / p99 ms | deliveries | status page req/s | status p50 / p99 ms | status failures |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
process.exit(0);
