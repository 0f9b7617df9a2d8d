import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient } from "@/lib/db/client";
import { migrateDeploy, postgresDatabaseUrl, postgresQuery, resetDatabase } from "../scripts/lib/database";
import { createTestDatabase, type TestDatabase } from "./database";
import { postgresShape, sqliteShape, type SchemaShape } from "./schema-shape";

// The two committed migration histories (prisma/sqlite/migrations, prisma/postgresql/migrations)
// must build the same schema, and both must be level with prisma/models.prisma.
describe("the SQLite and PostgreSQL migration histories", () => {
  let dir: string;
  let sqliteUrl: string;
  let postgres: TestDatabase;
  let sqlite: SchemaShape;
  let postgresql: SchemaShape;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vcs-connect-histories-"));
    sqliteUrl = `file:${join(dir, "migrated.db")}`;
    await resetDatabase(sqliteUrl);
    postgres = await createTestDatabase();
    sqlite = sqliteShape(sqliteUrl);
    postgresql = await postgresShape(postgres.url);
  }, 60_000);
  afterAll(async () => {
    await postgres?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("create the same tables", () => {
    expect(Object.keys(postgresql).sort()).toEqual(Object.keys(sqlite).sort());
    expect(Object.keys(sqlite).length).toBeGreaterThanOrEqual(15);
  });

  it("give every table the same columns (type, nullability, default), primary key, indexes, unique constraints and foreign keys", () => {
    for (const table of Object.keys(sqlite)) {
      expect({ table, ...postgresql[table] }).toEqual({ table, ...sqlite[table] });
    }
  });

  it("keep every string unbounded text, so a token of any length fits", async () => {
    const strings = Object.values(postgresql).flatMap((t) => Object.values(t.columns)).filter((c) => c.type !== "integer" && c.type !== "boolean" && c.type !== "datetime");
    expect(strings.length).toBeGreaterThan(50);
    expect(strings.every((c) => c.type === "text")).toBe(true);

    const longToken = "t".repeat(10_000);
    for (const url of [sqliteUrl, postgres.url]) {
      const db = createDatabaseClient(url);
      const organization = await db.organization.create({ data: { name: "Long", slug: `long-${Date.now()}` } });
      const connection = await db.vcsConnection.create({
        data: { organizationId: organization.id, provider: "bitbucket_cloud", name: "bb", hostUrl: "https://bitbucket.org", apiUrl: "https://api.bitbucket.org/2.0", profile: "read_only", requiredScopes: "account" },
      });
      await db.vcsGrant.create({ data: { connectionId: connection.id, accessTokenSealed: longToken, refreshTokenSealed: longToken, expiresAt: new Date(), grantedScopes: "account" } });
      const grant = await db.vcsGrant.findUniqueOrThrow({ where: { connectionId: connection.id }, omit: { accessTokenSealed: false } });
      expect(grant.accessTokenSealed).toBe(longToken);
      await db.$disconnect();
    }
  });

  it("are both level with prisma/models.prisma (npm run db:migration -- --check)", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/db-migration.ts", "--check"], {
      env: { ...process.env, POSTGRES_URL: process.env.TEST_POSTGRES_URL },
      timeout: 90_000,
    });
    expect(stdout).toMatch(/match prisma\/models\.prisma/);
  }, 120_000);
});

describe("migrations at start-up", () => {
  it("apply once when three instances start at once on an empty PostgreSQL database", async () => {
    const server = process.env.TEST_POSTGRES_URL!;
    const name = `vcs_test_${process.pid}_concurrent_migrate`;
    await postgresQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await postgresQuery(server, `CREATE DATABASE "${name}"`);
    const url = postgresDatabaseUrl(server, name);
    try {
      await Promise.all([migrateDeploy(url), migrateDeploy(url), migrateDeploy(url)]);
      const applied = await postgresQuery<{ name: string; finished: boolean }>(url, 'SELECT migration_name AS name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations"');
      expect(applied.map((row) => row.name).sort()).toEqual(readdirSync("prisma/postgresql/migrations").filter((entry) => /^\d{14}_/.test(entry)).sort());
      expect(applied.every((row) => row.finished)).toBe(true);
      expect(Object.keys(await postgresShape(url)).length).toBeGreaterThanOrEqual(15);
    } finally {
      await postgresQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }, 120_000);
});
