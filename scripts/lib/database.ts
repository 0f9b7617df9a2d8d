import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The file behind a SQLite URL, resolved against the project root like Prisma does. */
export function sqliteFile(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) throw new Error(`Not a SQLite URL: ${databaseUrl}`);
  return resolve(databaseUrl.slice("file:".length));
}

/**
 * Applies committed migrations (never creates new ones); a no-op when up to date. Also
 * puts the file in WAL mode (a setting stored in the file): readers no longer wait for
 * writers, and a commit costs one sync instead of several.
 */
export function migrateDeploy(databaseUrl: string): void {
  mkdirSync(dirname(sqliteFile(databaseUrl)), { recursive: true });
  execFileSync(resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const file = new Database(sqliteFile(databaseUrl));
  file.pragma("journal_mode = WAL");
  file.close();
}

/** A fresh database: delete the file (migrate reset is unreliable with the JS engine), then migrate. */
export function resetDatabase(databaseUrl: string): void {
  const file = sqliteFile(databaseUrl);
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  migrateDeploy(databaseUrl);
}
