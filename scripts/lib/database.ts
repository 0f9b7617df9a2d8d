import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider } from "./database-url";

/** The file behind a SQLite URL, resolved against the project root like Prisma does. */
export function sqliteFile(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) throw new Error(`Not a SQLite URL: ${databaseUrl}`);
  return resolve(databaseUrl.slice("file:".length));
}

/** The same PostgreSQL server, another database on it. */
export function postgresDatabaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs SQL on a PostgreSQL database with a connection of its own. */
export async function postgresQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const DONE = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * `prisma migrate deploy` with the provider's migrations (prisma.config.ts picks them by
 * the URL). It serialises concurrent runs with an advisory lock (PostgreSQL) or the
 * file's lock (SQLite), so several instances starting at once are safe. With the pg
 * adapter the CLI lingers about ten seconds after its work: it is stopped once it has
 * said it finished.
 */
function prismaMigrateDeploy(databaseUrl: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let finished = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!finished && DONE.test(output)) {
        finished = true;
        child.kill("SIGTERM");
        done();
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", fail);
    child.on("exit", (code) => {
      if (finished) return;
      if (code === 0) done();
      else fail(new Error(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`));
    });
  });
}

/**
 * Applies committed migrations (never creates new ones); a no-op when up to date. A
 * SQLite file is also put in WAL mode (a setting stored in the file): readers no longer
 * wait for writers, and a commit costs one sync instead of several.
 */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  if (databaseProvider(databaseUrl) === "postgresql") return prismaMigrateDeploy(databaseUrl);
  mkdirSync(dirname(sqliteFile(databaseUrl)), { recursive: true });
  await prismaMigrateDeploy(databaseUrl);
  const file = new Database(sqliteFile(databaseUrl));
  file.pragma("journal_mode = WAL");
  file.close();
}

/**
 * A fresh database from the migrations: the SQLite file is deleted (migrate reset is
 * unreliable with the JS engine); on PostgreSQL the `public` schema is dropped and
 * recreated, which needs no right to create databases.
 */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  if (databaseProvider(databaseUrl) === "postgresql") {
    await postgresQuery(databaseUrl, 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  } else {
    const file = sqliteFile(databaseUrl);
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  }
  await migrateDeploy(databaseUrl);
}
