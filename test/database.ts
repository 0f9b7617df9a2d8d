import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import { postgresDatabaseUrl, postgresQuery, sqliteFile } from "../scripts/lib/database";

export type TestDatabase = { db: Database; url: string; cleanup: () => Promise<void> };

let created = 0;

/**
 * A migrated, empty database of the test's own, removed by `cleanup`: a copy of this
 * run's template (a SQLite file, or a PostgreSQL database made `TEMPLATE` the run's one),
 * on whichever database the vitest project runs against.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("templateDatabaseUrl");
  if (template.startsWith("file:")) {
    const dir = mkdtempSync(join(tmpdir(), "vcs-connect-test-"));
    const file = join(dir, "test.db");
    copyFileSync(sqliteFile(template), file);
    const url = `file:${file}`;
    const db = createDatabaseClient(url);
    return {
      db,
      url,
      cleanup: async () => {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  created += 1;
  const templateName = new URL(template).pathname.slice(1);
  const name = `${templateName.replace(/_template$/, "")}_${process.pid}_${created}`;
  await postgresQuery(template.replace(/\/[^/]*$/, "/postgres"), `CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  const url = postgresDatabaseUrl(template, name);
  const db = createDatabaseClient(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      await postgresQuery(postgresDatabaseUrl(template, "postgres"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/**
 * Everything a database holds, as text, for canary searches: a SQLite file and its
 * write-ahead log (in WAL mode new rows live in the log until a checkpoint) byte for
 * byte; on PostgreSQL every row of every table.
 */
export async function databaseText(url: string): Promise<string> {
  if (url.startsWith("file:")) {
    const file = sqliteFile(url);
    return [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path).toString("latin1")).join("");
  }
  const tables = await postgresQuery<{ name: string }>(url, "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await postgresQuery<{ row: string }>(url, `SELECT t::text AS row FROM "${name}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}
