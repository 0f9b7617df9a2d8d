import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import { sqliteFile } from "../scripts/lib/database";

/** A migrated, empty database of the test's own, removed by `cleanup`. */
export function createTestDatabase(): { db: Database; url: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), "vcs-connect-test-"));
  const file = join(dir, "test.db");
  copyFileSync(sqliteFile(inject("templateDatabaseUrl")), file);
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

/**
 * Everything a SQLite database holds on disk as text: the main file and its write-ahead
 * log (in WAL mode new rows live in the log until a checkpoint), for canary searches.
 */
export function databaseFileText(url: string): string {
  const file = sqliteFile(url);
  return [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path).toString("latin1")).join("");
}
