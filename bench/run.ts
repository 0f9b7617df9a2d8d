// One command for every benchmark: builds the app if needed, seeds a database (SQLite by
// default; PostgreSQL when DATABASE_URL names one), starts a production server, measures
// each endpoint with autocannon next to two reference rows (a static file, /api/health),
// checks first-load JavaScript and memory under load, runs the sweep benchmark, and
// prints one table. Run: npm run bench [-- --seconds 6 --connections 20]
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { resetDatabase } from "../scripts/lib/database";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = arg("seconds", 6);
const CONNECTIONS = arg("connections", 20);
const MEMORY_SECONDS = arg("memory-seconds", 30);
const BIG = arg("big", 10_000);
const PORT = Number(process.env.BENCH_APP_PORT ?? 3306);
// --only receiver: just the rows whose names contain the word (plus the references); --profile: the server writes a CPU profile to bench/profiles/.
const onlyIndex = process.argv.indexOf("--only");
const ONLY = onlyIndex > 0 ? process.argv[onlyIndex + 1]!.toLowerCase() : null;
const PROFILE = process.argv.includes("--profile");
const APP_URL = `http://localhost:${PORT}`;

// --- build if needed -------------------------------------------------------------------
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
const built = existsSync(".next/BUILD_ID") ? statSync(".next/BUILD_ID").mtimeMs : 0;
const sources = Math.max(...["app", "lib", "components", "next.config.ts", "proxy.ts", "instrumentation.ts", "package.json"].map((p) => (existsSync(p) ? (statSync(p).isDirectory() ? newestSource(p) : statSync(p).mtimeMs) : 0)));
if (built < sources) {
  console.log("Building the app (sources changed since the last build)…");
  const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// --- database --------------------------------------------------------------------------
const postgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "");
const dir = mkdtempSync(join(tmpdir(), "vcs-connect-bench-"));
const DATABASE_URL = postgres ? process.env.DATABASE_URL! : `file:${join(dir, "bench.db")}`;
const env = {
  DATABASE_URL,
  APP_URL,
  AUTH_SECRET: "bench-auth-secret-000000000000000000000",
  ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"),
  BITBUCKET_LOGIN_CLIENT_ID: "bench",
  BITBUCKET_LOGIN_CLIENT_SECRET: "bench",
  LOG_LEVEL: "warn",
  HEALTH_SWEEP_INTERVAL_SECONDS: "86400",
  // One client takes the whole load: measure the endpoints, not the per-client ceilings.
  WEBHOOK_RATE_LIMIT_PER_MINUTE: "1000000",
  API_RATE_LIMIT_PER_MINUTE: "1000000",
  SIGN_IN_RATE_LIMIT_PER_MINUTE: "1000000",
  CONNECT_RATE_LIMIT_PER_MINUTE: "1000000",
  NEXT_TELEMETRY_DISABLED: "1",
};
Object.assign(process.env, env);
if (!postgres) await resetDatabase(DATABASE_URL);
const { db } = await import("../lib/db");
const { seed, HOOK_SECRET, SESSION_TOKEN, PUBLIC_STATUS_TOKEN } = await import("./lib/seed");
const { signBody } = await import("../lib/webhooks/signature");
console.log(`Seeding ${postgres ? "PostgreSQL" : "SQLite"}: ${BIG.toLocaleString("en-US")} connections in one organization, a typical one with 12…`);
const seeded = await seed(db(), BIG);

// --- server ----------------------------------------------------------------------------
const profiling = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${join(process.cwd(), "bench/profiles")}`] : [];
const server = spawn(process.execPath, [...profiling, "node_modules/next/dist/bin/next", "start", "--port", String(PORT)], { env: { ...process.env, ...env }, stdio: "ignore", detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stopServer);
const rssMb = () => {
  const out = spawnSync("ps", ["-o", "rss=", "--ppid", String(server.pid), "-p", String(server.pid)], { encoding: "utf8" }).stdout;
  return out.split("\n").filter(Boolean).reduce((sum, line) => sum + Number(line.trim()), 0) / 1024;
};

type Row = { name: string; ok?: number; sent?: number; rps: number; p50: number; p97: number; p99: number; non2xx: number; errors: number; note?: string; target?: (r: Row) => string };
const rows: Row[] = [];
const cookie = `authjs.session-token=${SESSION_TOKEN}`;

async function load(name: string, options: autocannon.Options, extra: Partial<Row> & { warm?: boolean } = {}): Promise<Row> {
  const reference = name.startsWith("static") || name.startsWith("`/api/health`");
  // A profile of one row holds only that row's work.
  if (ONLY && (PROFILE || !reference) && !name.toLowerCase().includes(ONLY)) return { name, rps: 0, p50: 0, p97: 0, p99: 0, non2xx: 0, errors: 0 };
  // Warm up: compile paths, fill caches, open database handles.
  for (let i = 0; extra.warm !== false && i < 5; i++) await fetch(String(options.url), { method: options.method ?? "GET", headers: options.headers as Record<string, string>, body: options.body as string | undefined }).then((r) => r.arrayBuffer(), () => null);
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  const row: Row = { name, sent: result.requests.sent, rps: result.requests.average, p50: result.latency.p50, p97: result.latency.p97_5, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, ok: result["2xx"], ...extra };
  rows.push(row);
  process.stdout.write(`  ${name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms${row.non2xx ? `, ${row.non2xx} non-2xx` : ""}\n`);
  return row;
}

try {
  bench: {
    for (let i = 0; i < 150; i++) {
      if (await fetch(`${APP_URL}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const rssAtStart = rssMb();
    console.log(`Server up on ${APP_URL} (${rssAtStart.toFixed(0)} MB resident). ${SECONDS} s per row, ${CONNECTIONS} connections.`);

    const staticRow = await load("static file `/icon.svg`", { url: `${APP_URL}/icon.svg` });
    const health = await load("`/api/health` (reads the database)", { url: `${APP_URL}/api/health` });
    const vsHealth = (share: number) => (r: Row) => `≥ ${share * 100} % of health: ${r.rps >= share * health.rps ? "met" : "NOT met"}`;
    const statusTarget = (r: Row) => `≥ 50 % of static, p99 < 100 ms: ${r.rps >= 0.5 * staticRow.rps && r.p99 < 100 ? "met" : "NOT met"}`;
    const v1 = `${APP_URL}/api/v1/organizations`;

    await load("VCS API list, 12 connections", { url: `${v1}/${seeded.acmeSlug}/vcs`, headers: { authorization: `Bearer ${seeded.acmeToken}` } });
    const firstPage = (await (await fetch(`${v1}/${seeded.bigSlug}/vcs?limit=100`, { headers: { authorization: `Bearer ${seeded.bigToken}` } })).json()) as { next: string };
    const listTarget = (r: Row) => `p97.5 < 100 ms and ≥ 60 % of health: ${r.p97 < 100 && r.rps >= 0.6 * health.rps ? "met" : "NOT met"}`;
    await load(`VCS API list, ${BIG.toLocaleString("en-US")} connections, first page of 50`, { url: `${v1}/${seeded.bigSlug}/vcs`, headers: { authorization: `Bearer ${seeded.bigToken}` } }, { target: listTarget });
    await load(`VCS API list, ${BIG.toLocaleString("en-US")} connections, a later page (cursor)`, { url: `${v1}/${seeded.bigSlug}/vcs?cursor=${firstPage.next}`, headers: { authorization: `Bearer ${seeded.bigToken}` } }, { target: listTarget });
    await load("org status page (signed in)", { url: `${APP_URL}/orgs/${seeded.acmeSlug}/status`, headers: { cookie } }, { target: statusTarget });
    await load("org status JSON (signed in)", { url: `${APP_URL}/api/orgs/${seeded.acmeSlug}/status`, headers: { cookie } }, { target: statusTarget });
    await load("public status page", { url: `${APP_URL}/status/${PUBLIC_STATUS_TOKEN}` }, { target: statusTarget });
    await load("public status JSON", { url: `${APP_URL}/api/public-status/${PUBLIC_STATUS_TOKEN}` }, { target: statusTarget });

    // The receiver: every delivery signed, each with its own X-Request-UUID, so each is verified and stored.
    const body = JSON.stringify({
      actor: { display_name: "Alice Anderson", uuid: "{a}" },
      repository: { full_name: "acme/api", name: "api", uuid: "{bench}" },
      push: { changes: [{ new: { type: "branch", name: "main", target: { hash: "a".repeat(40), message: "Bench commit\n\n" + "x".repeat(2000), author: { raw: "Alice <alice@acme.example>" } } }, commits: [{ hash: "a".repeat(40) }] }] },
    });
    const receiverOptions: autocannon.Options = {
      url: `${APP_URL}/api/webhooks/bitbucket/bench-hook`,
      method: "POST",
      headers: { "content-type": "application/json", "x-event-key": "repo:push", "x-attempt-number": "1", "x-hub-signature": signBody(HOOK_SECRET, new TextEncoder().encode(body)), "x-request-uuid": randomUUID() },
      body,
      requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, "x-request-uuid": randomUUID() } }) }],
    };
    // Warm up with fresh request UUIDs, so that afterwards every 2xx is one new stored delivery.
    for (let i = 0; i < 5; i++) {
      await fetch(String(receiverOptions.url), { method: "POST", headers: { ...(receiverOptions.headers as Record<string, string>), "x-request-uuid": randomUUID() }, body });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const storedBefore = await db().webhookDelivery.count();
    const receiver = await load("webhook receiver (signed push, stored once)", receiverOptions, { warm: false });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const stored = (await db().webhookDelivery.count()) - storedBefore;
    // Every accepted delivery is stored; so are those still in flight when the load stopped
    // (sent, answered after autocannon stopped counting). A request UUID is stored at most once (unique).
    const storedOnce = stored >= (receiver.ok ?? 0) && stored <= (receiver.sent ?? 0);
    receiver.note = `${stored.toLocaleString("en-US")} stored: ${(receiver.ok ?? 0).toLocaleString("en-US")} accepted, ${((receiver.sent ?? 0) - (receiver.ok ?? 0)).toLocaleString("en-US")} still in flight at the end`;
    receiver.target = (r) => `≥ 60 % of health, 0 non-2xx, each stored once: ${r.rps >= 0.6 * health.rps && r.non2xx === 0 && r.errors === 0 && storedOnce ? "met" : "NOT met"}`;
    if (ONLY) {
      console.log(rows.map((r) => `${r.name}${r.note ? ` (${r.note})` : ""}: ${r.rps.toFixed(0)} req/s`).join("\n"));
      break bench;
    }

    // Memory under a longer receiver load.
    const memoryStart = rssMb();
    await autocannon({ connections: CONNECTIONS, duration: MEMORY_SECONDS, ...receiverOptions });
    const memoryEnd = rssMb();

    // First-load JavaScript of every dashboard page, against the sign-in page's.
    const pages: [string, string][] = [
      ["sign-in", "/signin"],
      ["dashboard", "/dashboard"],
      ["organization", `/orgs/${seeded.acmeSlug}`],
      ["connections", `/orgs/${seeded.acmeSlug}/connections`],
      ["connection", `/orgs/${seeded.acmeSlug}/connections/${seeded.connectionId}`],
      ["new Bitbucket connection", `/orgs/${seeded.acmeSlug}/integrations/bitbucket-cloud/new`],
      ["integrations", `/orgs/${seeded.acmeSlug}/integrations`],
      ["projects", `/orgs/${seeded.acmeSlug}/projects`],
      ["add projects", `/orgs/${seeded.acmeSlug}/projects/new`],
      ["project", `/orgs/${seeded.acmeSlug}/projects/${seeded.projectId}`],
      ["status", `/orgs/${seeded.acmeSlug}/status`],
      ["members", `/orgs/${seeded.acmeSlug}/members`],
      ["audit", `/orgs/${seeded.acmeSlug}/audit`],
      ["organization settings", `/orgs/${seeded.acmeSlug}/settings`],
      ["API tokens", `/orgs/${seeded.acmeSlug}/settings/tokens`],
      ["instance settings", "/settings"],
      ["authentication settings", "/settings/authentication"],
    ];
    const firstLoad: { name: string; kb: number }[] = [];
    for (const [name, path] of pages) {
      const html = await (await fetch(`${APP_URL}${path}`, { headers: { cookie } })).text();
      const scripts = new Set([...html.matchAll(/<script[^>]+src="\/_next\/([^"?]+)/g)].map((m) => m[1]!));
      let bytes = 0;
      for (const script of scripts) bytes += gzipSync(readFileSync(join(".next", decodeURIComponent(script)))).length;
      firstLoad.push({ name, kb: bytes / 1024 });
    }
    const signIn = firstLoad[0]!.kb;

    // The sweep, against the Bitbucket emulator, in its own process and database.
    const sweep = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/sweep-cost.ts", "--json"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });
    const sweepLine = sweep.stdout.trim().split("\n").at(-1) ?? "{}";
    const sweepResult = JSON.parse(sweepLine.startsWith("{") ? sweepLine : "{}") as { checked?: number; ms?: number; callsPerCheck?: number };

    // --- the table -----------------------------------------------------------------------
    const n = (value: number) => Math.round(value).toLocaleString("en-US");
    const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;
    const lines = [
      `| endpoint | req/s | p50 ms | p97.5 ms | p99 ms | × static | × health | target |`,
      `|---|---|---|---|---|---|---|---|`,
      ...rows.filter((r) => r.rps > 0).map((r) =>
        `| ${r.name}${r.note ? ` (${r.note})` : ""} | ${n(r.rps)} | ${r.p50} | ${r.p97} | ${r.p99} | ${ratio(r.rps, staticRow.rps)} | ${ratio(r.rps, health.rps)} | ${r.target ? r.target(r) : r.non2xx || r.errors ? `${r.non2xx} non-2xx, ${r.errors} errors` : "reference"} |`,
      ),
    ];
    console.log(`\n${postgres ? "PostgreSQL" : "SQLite"}, production build, ${CONNECTIONS} connections × ${SECONDS} s per row, ${new Date().toISOString()}\n`);
    console.log(lines.join("\n"));
    const worst = firstLoad.slice(1).reduce((a, b) => (b.kb > a.kb ? b : a));
    console.log(`\nFirst-load JS (gzip): sign-in ${signIn.toFixed(1)} KB; heaviest dashboard page ${worst.name} ${worst.kb.toFixed(1)} KB = ${(worst.kb / signIn).toFixed(2)}× (target ≤ 1.30×: ${worst.kb / signIn <= 1.3 ? "met" : "NOT met"})`);
    console.log(firstLoad.map((p) => `  ${p.name}: ${p.kb.toFixed(1)} KB (${(p.kb / signIn).toFixed(2)}×)`).join("\n"));
    console.log(`Memory (resident, server): ${rssAtStart.toFixed(0)} MB after start; ${memoryStart.toFixed(0)} MB → ${memoryEnd.toFixed(0)} MB over ${MEMORY_SECONDS} s more of receiver load`);
    if (sweepResult.checked) {
      console.log(`Sweep: ${sweepResult.checked} connections on the emulator in ${n(sweepResult.ms!)} ms (${(sweepResult.ms! / sweepResult.checked).toFixed(1)} ms each, ${sweepResult.callsPerCheck!.toFixed(2)} Bitbucket calls per check)`);
    } else {
      console.log(`Sweep benchmark failed: ${sweep.stderr.slice(-500)}`);
    }
  }
} finally {
  stopServer();
  // A profiling server writes its profile on the way out.
  if (PROFILE) await new Promise((resolve) => server.once("exit", resolve));
  await db().$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
