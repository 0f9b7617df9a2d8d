import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
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
