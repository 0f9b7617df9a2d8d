import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, makeConsumer, start, type TestEmulator } from "@/emulator/test/helpers";
import { sealSecret } from "@/lib/crypto/keyring";
import { randomToken } from "@/lib/crypto/random";
import { projectSealContext } from "@/lib/webhooks/seal-context";
import { signBody } from "@/lib/webhooks/signature";
import { decideOnBitbucket } from "./bitbucket-consent";
import { connectedConnection, emulatorStats } from "./connected-connection";
import { useTestDatabase } from "./use-test-database";

// Two production servers (`next start`) on one PostgreSQL database, as behind a load
// balancer: they share APP_URL, the keys and the database, and act as one.
const database = useTestDatabase();
let emulator: TestEmulator;
const servers: { url: string; process: ChildProcess }[] = [];
let connection: Awaited<ReturnType<typeof connectedConnection>>;
let startedAt: Date;
const SWEEP_SECONDS = 5;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilAnswering(url: string, child: ChildProcess) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

beforeAll(async () => {
  // The servers run the production build; npm test builds before the tests.
  if (!existsSync(".next/BUILD_ID") && spawnSync("node_modules/.bin/next", ["build"], { stdio: "ignore" }).status !== 0) {
    throw new Error("next build failed: run `npx next build` to see why.");
  }
  emulator = await start();
  const ports = [await freePort(), await freePort()];
  const appUrl = `http://localhost:${ports[0]}`;
  const login = await makeConsumer(emulator, { callbackUrl: `${appUrl}/api/auth/callback/bitbucket`, scopes: ["account", "email"], isPrivate: false });
  // Connected before the servers start, so their first sweeps find it.
  connection = await connectedConnection(database.db, emulator);
  startedAt = new Date();
  for (const port of ports) {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port)], {
      detached: true,
      stdio: "ignore",
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        APP_URL: appUrl,
        DATABASE_URL: database.url,
        AUTH_SECRET: process.env.AUTH_SECRET,
        ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
        BITBUCKET_HOST_URL: emulator.url,
        BITBUCKET_API_URL: emulator.apiUrl,
        BITBUCKET_LOGIN_CLIENT_ID: login.key,
        BITBUCKET_LOGIN_CLIENT_SECRET: login.secret,
        ALLOWED_PRIVATE_ORIGINS: emulator.url,
        HEALTH_SWEEP_INTERVAL_SECONDS: String(SWEEP_SECONDS),
        LOG_LEVEL: "silent",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    servers.push({ url: `http://localhost:${port}`, process: child });
  }
  await Promise.all(servers.map((server) => waitUntilAnswering(server.url, server.process)));
}, 300_000);

afterAll(async () => {
  // Each server runs in its own process group (detached): stop the group, next-server included.
  for (const server of servers) if (server.process.pid && server.process.exitCode === null) process.kill(-server.process.pid, "SIGTERM");
  await emulator?.close();
});

/** Signs a person in with Bitbucket, starting on one server and returning to the other. */
async function signIn(username: string, first: string, second: string) {
  const jar = new CookieJar();
  const { csrfToken } = (await (await jar.fetch(`${first}/api/auth/csrf`)).json()) as { csrfToken: string };
  const started = await jar.post(`${first}/api/auth/signin/bitbucket`, { csrfToken, callbackUrl: `${first}/` });
  const authorizeUrl = started.headers.get("location");
  if (!authorizeUrl?.startsWith(emulator.url)) throw new Error(`sign-in did not go to Bitbucket (HTTP ${started.status}, ${authorizeUrl})`);
  const callback = await decideOnBitbucket(emulator, authorizeUrl, { username });
  const done = await jar.fetch(`${second}/api/auth/callback/bitbucket?${callback}`);
  if (done.status !== 302 || ![...jar.cookies.keys()].some((name) => name.endsWith("authjs.session-token"))) {
    throw new Error(`sign-in did not finish (HTTP ${done.status}, ${done.headers.get("location")})`);
  }
}

describe("two app servers on one PostgreSQL database", () => {
  it("crown one instance owner when two people sign in through different servers at once", async () => {
    const [a, b] = [servers[0]!.url, servers[1]!.url];
    // The connection's admin exists already (a member); two new people sign in now.
    await Promise.all([signIn("alice", a, b), signIn("bob", b, a)]);
    expect(await database.db.instance.count()).toBe(1);
    expect(await database.db.user.count({ where: { role: "owner" } })).toBe(1);
    expect(await database.db.account.count()).toBe(2);
  });

  it("refresh an expired token once when requests reach both servers at the same moment", async () => {
    await emulator.control("POST", "/tokens/expire", { consumerKey: connection.consumer.key });
    await database.db.vcsGrant.update({ where: { connectionId: connection.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // A slow token endpoint keeps the first refresh in flight while the others ask.
    await emulator.control("POST", "/faults", { target: "token", delayMs: 1_500, times: 1 });
    const sessionToken = randomToken(32);
    await database.db.session.create({ data: { sessionToken, userId: connection.user.id, expires: new Date(Date.now() + 3_600_000) } });
    const before = await emulatorStats(emulator, connection.consumer.key);

    const responses = await Promise.all(
      servers.flatMap((server) =>
        [0, 1, 2].map(() =>
          fetch(`${server.url}/api/orgs/${connection.organization.slug}/projects/browse?connectionId=${connection.id}`, { headers: { cookie: `authjs.session-token=${sessionToken}` } }),
        ),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await emulatorStats(emulator, connection.consumer.key)).token - before.token).toBe(1);
    await emulator.control("DELETE", "/faults");
  });

  it("store a webhook delivery once when it and its retries reach both servers", async () => {
    const hookId = randomToken(16);
    const project = await database.db.project.create({
      data: { organizationId: connection.organization.id, connectionId: connection.id, repositoryUuid: "{servers}", fullName: "acme/servers", workspaceSlug: "acme", slug: "servers", name: "servers", isPrivate: true, hookId, hookSecretSealed: "pending", events: "repo:push" },
    });
    const secret = randomToken(32);
    await database.db.project.update({ where: { id: project.id }, data: { hookSecretSealed: sealSecret(secret, projectSealContext.hookSecret(project.id)) } });
    const body = JSON.stringify({ push: { changes: [] }, actor: { display_name: "Alice" } });
    const headers = { "content-type": "application/json", "x-event-key": "repo:push", "x-request-uuid": crypto.randomUUID(), "x-hub-signature": signBody(secret, new TextEncoder().encode(body)) };

    const statuses = await Promise.all(
      servers.flatMap((server) => [1, 2, 3].map((attempt) => fetch(`${server.url}/api/webhooks/bitbucket/${hookId}`, { method: "POST", body, headers: { ...headers, "x-attempt-number": String(attempt) } }).then((r) => r.status))),
    );

    expect(statuses.filter((status) => status === 202)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(await database.db.webhookDelivery.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("sweep once per interval between them: no connection is checked twice within an interval", async () => {
    const checks = async () =>
      (await database.db.healthEvent.findMany({ where: { connectionId: connection.id, kind: "check", createdAt: { gte: startedAt } }, orderBy: { createdAt: "asc" } })).map((event) => event.createdAt.getTime());
    const deadline = Date.now() + 60_000;
    while ((await checks()).length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    const times = await checks();
    expect(times.length).toBeGreaterThanOrEqual(3);
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    // Both servers tick every interval; the lease lets only one of them sweep each time.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SWEEP_SECONDS * 1000 - 1_000);
  }, 90_000);
});
