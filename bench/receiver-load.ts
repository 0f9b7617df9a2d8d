// Throughput and latency of the webhook receiver under a local load of signed deliveries,
// each with its own X-Request-UUID (so every one is verified and stored), measured with
// autocannon against a production build. Run: npm run bench:receiver [-- <seconds> <connections>]
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { resetDatabase } from "../scripts/lib/database";

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 20);
const PORT = 3210;
if (!existsSync(".next/BUILD_ID")) throw new Error("Build first: npx next build");

const dir = mkdtempSync(join(tmpdir(), "vcs-connect-receiver-"));
const env = {
  DATABASE_URL: `file:${join(dir, "bench.db")}`,
  APP_URL: `http://localhost:${PORT}`,
  AUTH_SECRET: "bench-auth-secret-000000000000000000000",
  ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"),
  BITBUCKET_LOGIN_CLIENT_ID: "bench",
  BITBUCKET_LOGIN_CLIENT_SECRET: "bench",
  LOG_LEVEL: "warn",
  HEALTH_SWEEP_INTERVAL_SECONDS: "86400",
  // One hook takes the whole load: measure the receiver, not its per-hook ceiling.
  WEBHOOK_RATE_LIMIT_PER_MINUTE: "1000000",
  NEXT_TELEMETRY_DISABLED: "1",
};
Object.assign(process.env, env);
await resetDatabase(env.DATABASE_URL);

const { db } = await import("../lib/db");
const { sealSecret } = await import("../lib/crypto/keyring");
const { projectSealContext } = await import("../lib/webhooks/seal-context");
const { signBody } = await import("../lib/webhooks/signature");

const secret = "bench-hook-secret-0123456789abcdef0123456789abcdef";
const organization = await db().organization.create({ data: { name: "Bench", slug: "bench" } });
const connection = await db().vcsConnection.create({
  data: { organizationId: organization.id, provider: "bitbucket_cloud", name: "bb", hostUrl: "https://bitbucket.org", apiUrl: "https://api.bitbucket.org/2.0", profile: "repository_sync", requiredScopes: "webhook", status: "connected" },
});
const project = await db().project.create({
  data: { organizationId: organization.id, connectionId: connection.id, repositoryUuid: "{bench}", fullName: "bench/api", workspaceSlug: "bench", slug: "api", name: "api", isPrivate: true, hookId: "bench-hook", hookSecretSealed: "", events: "repo:push" },
});
await db().project.update({ where: { id: project.id }, data: { hookSecretSealed: sealSecret(secret, projectSealContext.hookSecret(project.id)) } });

// A typical push payload (about 3 KB), signed once: the body is the same for every request.
const body = JSON.stringify({
  actor: { display_name: "Alice Anderson", uuid: "{a}" },
  repository: { full_name: "bench/api", name: "api", uuid: "{bench}" },
  push: { changes: [{ new: { type: "branch", name: "main", target: { hash: "a".repeat(40), message: "Bench commit\n\n" + "x".repeat(2000), author: { raw: "Alice <alice@acme.example>" } } }, commits: [{ hash: "a".repeat(40) }] }] },
});
const signature = signBody(secret, new TextEncoder().encode(body));

const server = spawn("node_modules/.bin/next", ["start", "--port", String(PORT)], { env: { ...process.env, ...env }, stdio: "ignore", detached: true });
try {
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${env.APP_URL}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const result = await autocannon({
    url: `${env.APP_URL}/api/webhooks/bitbucket/bench-hook`,
    method: "POST",
    connections,
    duration: seconds,
    headers: { "content-type": "application/json", "x-event-key": "repo:push", "x-attempt-number": "1", "x-hub-signature": signature },
    body,
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, "x-request-uuid": randomUUID() } }) }],
  });
  const stored = await db().webhookDelivery.count();
  console.log(
    `receiver: ${result.requests.average.toFixed(0)} deliveries/s (${connections} connections, ${seconds} s), ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `${result["2xx"]} answered 2xx, ${result.non2xx} other, ${result.errors} errors; ${stored} deliveries stored`,
  );
} finally {
  process.kill(-server.pid!, "SIGTERM");
  await db().$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
