// Seeds the benchmark database through Prisma only (no SQL of one engine), so it runs
// unchanged on SQLite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { sealSecret } from "../../lib/crypto/keyring";
import { sha256 } from "../../lib/crypto/random";
import type { Database } from "../../lib/db/client";
import { projectSealContext } from "../../lib/webhooks/seal-context";

export const HOOK_SECRET = "bench-hook-secret-0123456789abcdef0123456789abcdef";
export const API_TOKEN = "vcsc_bench-api-token-0123456789abcdefghijklmnopqrstuv";
export const SESSION_TOKEN = "bench-session-token-0123456789abcdefghijklmnop";
export const PUBLIC_STATUS_TOKEN = "bench-public-status-0123456789";
const STATUSES = ["connected", "connected", "connected", "missing_permissions", "error", "needs_reauthorization", "disconnected", "awaiting_authorization"];

function connectionRow(organizationId: string, n: number) {
  return {
    organizationId,
    provider: "bitbucket_cloud",
    name: `Connection ${String(n).padStart(5, "0")}`,
    hostUrl: "https://bitbucket.org",
    apiUrl: "https://api.bitbucket.org/2.0",
    clientId: `benchkey${String(n % 40).padStart(10, "0")}`,
    consumerKind: "private",
    profile: "repository_sync",
    requiredScopes: "account repository:write repository:admin webhook",
    status: STATUSES[n % STATUSES.length]!,
    lastCheckedAt: new Date(),
    lastSuccessAt: new Date(),
    // Spread creation times a little, with ties, as real ones have.
    createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(n / 4) * 1000),
  };
}

/** Deletes everything, children first (no engine-specific TRUNCATE). */
async function clear(db: Database) {
  await db.webhookDelivery.deleteMany();
  await db.project.deleteMany();
  await db.healthEvent.deleteMany();
  await db.vcsGrant.deleteMany();
  await db.vcsConnection.deleteMany();
  await db.auditEvent.deleteMany();
  await db.apiToken.deleteMany();
  await db.membership.deleteMany();
  await db.organization.deleteMany();
  await db.session.deleteMany();
  await db.instance.deleteMany();
  await db.user.deleteMany();
  await db.consumerCallCount.deleteMany();
  await db.lease.deleteMany();
}

/**
 * A large organization (`big`, 10,000 connections), a typical one (`acme`, a dozen, a
 * day of health checks each, a public status page, a project with a hook), an owner of
 * both with a browser session and an API token. No grants: the server's own sweep has
 * nothing to call.
 */
export async function seed(db: Database, bigCount = 10_000) {
  await clear(db);
  const user = await db.user.create({ data: { name: "Bench Owner", email: "owner@bench.example", role: "owner" } });
  await db.instance.create({ data: { ownerUserId: user.id } });
  await db.session.create({ data: { sessionToken: SESSION_TOKEN, userId: user.id, expires: new Date(Date.now() + 7 * 86_400_000) } });

  const big = await db.organization.create({ data: { name: "Big Corp", slug: "big" } });
  const acme = await db.organization.create({ data: { name: "Acme", slug: "acme", publicStatusToken: PUBLIC_STATUS_TOKEN } });
  for (const organization of [big, acme]) await db.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "owner" } });
  for (const [organization, suffix] of [[big, "b"], [acme, "a"]] as const) {
    await db.apiToken.create({ data: { name: "bench", tokenHash: sha256(`${API_TOKEN}${suffix}`), prefix: API_TOKEN.slice(0, 12), userId: user.id, organizationId: organization.id } });
  }

  for (let from = 0; from < bigCount; from += 1_000) {
    await db.vcsConnection.createMany({ data: Array.from({ length: Math.min(1_000, bigCount - from) }, (_, k) => connectionRow(big.id, from + k)) });
  }
  await db.vcsConnection.createMany({ data: Array.from({ length: 12 }, (_, n) => connectionRow(acme.id, n)) });

  // A day of checks every 5 minutes for the typical organization's connections.
  const typical = await db.vcsConnection.findMany({ where: { organizationId: acme.id }, select: { id: true } });
  const now = Date.now();
  for (const { id } of typical) {
    await db.healthEvent.createMany({
      data: Array.from({ length: 288 }, (_, k) => ({ connectionId: id, kind: "check", ok: k % 50 !== 0, latencyMs: 80, createdAt: new Date(now - k * 300_000) })),
    });
  }

  const project = await db.project.create({
    data: {
      organizationId: acme.id, connectionId: typical[0]!.id, repositoryUuid: `{${randomUUID()}}`, fullName: "acme/api", workspaceSlug: "acme",
      slug: "api", name: "api", isPrivate: true, hookId: "bench-hook", hookSecretSealed: "", events: "repo:push pullrequest:created",
    },
  });
  await db.project.update({ where: { id: project.id }, data: { hookSecretSealed: sealSecret(HOOK_SECRET, projectSealContext.hookSecret(project.id)) } });
  return { bigSlug: big.slug, acmeSlug: acme.slug, connectionId: typical[0]!.id, projectId: project.id, bigToken: `${API_TOKEN}b`, acmeToken: `${API_TOKEN}a` };
}
