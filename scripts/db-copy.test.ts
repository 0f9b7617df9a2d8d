import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "@/lib/crypto/keyring";
import { createDatabaseClient, omittedColumns, type Database } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { postgresDatabaseUrl, postgresQuery, resetDatabase } from "./lib/database";
import { orderBy } from "./lib/copy-database";

const run = promisify(execFile);
const copy = (from: string, to: string) =>
  run(process.execPath, ["--import", "tsx", "scripts/db-copy.ts", "--from", from, "--to", to], { timeout: 120_000 }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
  );

/** One of everything, with the awkward values: nulls, unicode, long text, booleans, sealed secrets, exact times. */
async function populate(db: Database) {
  const now = new Date("2026-11-30T12:34:56.789Z");
  const owner = await db.user.create({ data: { name: "Zoë Ångström", email: "zoe@example.test", role: "owner", emailVerified: now } });
  const member = await db.user.create({ data: { name: null, email: null } });
  await db.account.create({ data: { userId: owner.id, type: "oauth", provider: "bitbucket", providerAccountId: "{uuid-1}" } });
  await db.session.create({ data: { userId: owner.id, sessionToken: "session-token-1", expires: now } });
  await db.instance.create({ data: { ownerUserId: owner.id, claimedAt: now } });
  const organization = await db.organization.create({ data: { name: "Acme “quoted”", slug: "acme", publicStatusToken: "public-token" } });
  await db.membership.createMany({ data: [{ organizationId: organization.id, userId: owner.id, role: "owner" }, { organizationId: organization.id, userId: member.id, role: "member" }] });
  const connection = await db.vcsConnection.create({
    data: { organizationId: organization.id, provider: "bitbucket_cloud", name: "Bitbucket", hostUrl: "https://bitbucket.org", apiUrl: "https://api.bitbucket.org/2.0", clientId: "key", profile: "repository_sync", requiredScopes: "account webhook", status: "connected", consecutiveFailures: 2, lastCheckedAt: now },
  });
  await db.vcsConnection.update({ where: { id: connection.id }, data: { clientSecretSealed: sealSecret("the-client-secret", `connection:${connection.id}:clientSecret`) } });
  await db.vcsGrant.create({
    data: { connectionId: connection.id, accessTokenSealed: sealSecret("a".repeat(3000), `grant:${connection.id}:accessToken`), refreshTokenSealed: null, expiresAt: now, grantedScopes: "account webhook" },
  });
  await db.authorizationRequest.create({ data: { stateHash: "hash", connectionId: connection.id, userId: owner.id, sessionHash: "s", expiresAt: now } });
  await db.apiToken.create({ data: { name: "CI", tokenHash: "token-hash", prefix: "vcs_abc", userId: owner.id, organizationId: organization.id } });
  for (let i = 0; i < 1_200; i++) {
    await db.auditEvent.create({ data: { organizationId: organization.id, actorType: "system", actorLabel: "system", action: `event.${i}`, targetType: "connection", targetId: connection.id, after: JSON.stringify({ i }) } });
  }
  await db.healthEvent.create({ data: { connectionId: connection.id, kind: "check", ok: false, latencyMs: 42, errorCode: "host_timeout" } });
  await db.lease.create({ data: { name: "health-sweep", holder: "h1", expiresAt: now, lastCompletedAt: null } });
  const project = await db.project.create({
    data: { organizationId: organization.id, connectionId: connection.id, repositoryUuid: "{repo}", fullName: "acme/api", workspaceSlug: "acme", slug: "api", name: "api", isPrivate: true, hookId: "hook-1", hookSecretSealed: "sealed-hook-secret", events: "repo:push" },
  });
  await db.webhookDelivery.create({ data: { projectId: project.id, requestUuid: "r-1", eventKey: "repo:push", attempt: 1, signatureOk: true, summary: "{}", payload: "x".repeat(100_000), processedAt: now } });
  return { connectionId: connection.id };
}

async function allRows(db: Database) {
  const rows: Record<string, unknown[]> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const key = model.charAt(0).toLowerCase() + model.slice(1);
    const omitted = (omittedColumns as Record<string, Record<string, boolean>>)[key];
    const omit = omitted ? Object.fromEntries(Object.keys(omitted).map((column) => [column, false])) : undefined;
    const delegate = (db as unknown as Record<string, { findMany(args: object): Promise<unknown[]> }>)[key]!;
    rows[model] = await delegate.findMany({ ...(omit ? { omit } : {}), orderBy: orderBy(model) });
  }
  return rows;
}

describe("npm run db:copy", () => {
  let dir: string;
  let sqliteUrl: string;
  let sqlite: Database;
  let postgres: TestDatabase;
  let emptyUrl: string;
  let connectionId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vcs-connect-copy-"));
    sqliteUrl = `file:${join(dir, "source.db")}`;
    await resetDatabase(sqliteUrl);
    sqlite = createDatabaseClient(sqliteUrl);
    ({ connectionId } = await populate(sqlite));
    // A brand-new database that nothing has migrated yet, as an operator would create one.
    postgres = await createTestDatabase();
    emptyUrl = postgresDatabaseUrl(postgres.url, `${new URL(postgres.url).pathname.slice(1)}_copy`);
    await postgresQuery(postgresDatabaseUrl(postgres.url, "postgres"), `CREATE DATABASE "${new URL(emptyUrl).pathname.slice(1)}"`);
  }, 120_000);
  afterAll(async () => {
    await sqlite?.$disconnect();
    await postgresQuery(postgresDatabaseUrl(postgres.url, "postgres"), `DROP DATABASE IF EXISTS "${new URL(emptyUrl).pathname.slice(1)}" WITH (FORCE)`);
    await postgres?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies every row of a populated SQLite database into a new PostgreSQL database, showing progress and counts", async () => {
    const result = await copy(sqliteUrl, emptyUrl);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/AuditEvent: 500\/1200\n\s+AuditEvent: 1000\/1200\n\s+AuditEvent: 1200\/1200/);
    expect(result.output).toMatch(/Copied:[\s\S]*AuditEvent\s+1200[\s\S]*total\s+1216/);

    const target = createDatabaseClient(emptyUrl);
    try {
      const [from, to] = [await allRows(sqlite), await allRows(target)];
      for (const model of Object.keys(from)) expect({ model, rows: to[model] }).toEqual({ model, rows: from[model] });
      // Sealed values stay sealed, and still open with the same key on the other side.
      const connection = await target.vcsConnection.findUniqueOrThrow({ where: { id: connectionId }, omit: { clientSecretSealed: false } });
      expect(openSecret(connection.clientSecretSealed!, `connection:${connectionId}:clientSecret`)).toBe("the-client-secret");
    } finally {
      await target.$disconnect();
    }
  }, 120_000);

  it("refuses a target that is not empty, naming what is there, and changes nothing", async () => {
    const before = await postgresQuery<{ n: string }>(emptyUrl, 'SELECT count(*) AS n FROM "AuditEvent"');
    const result = await copy(sqliteUrl, emptyUrl);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/db:copy: The target database is not empty: User \(2\), .*AuditEvent \(1200\)/);
    expect(await postgresQuery<{ n: string }>(emptyUrl, 'SELECT count(*) AS n FROM "AuditEvent"')).toEqual(before);
  }, 120_000);
});
