import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "./database";

const shared = globalThis as typeof globalThis & { vcsConnectDb?: Database };

/**
 * Gives the calling test file its own migrated database and installs it as the shared
 * client that `db()` in lib/db returns, so lib functions run against it unchanged.
 * Tests in the file share the database: give each test its own emails and slugs.
 */
export function useTestDatabase(): { readonly db: Database; readonly url: string } {
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Installed at once too, so the file's own beforeAll hooks use it.
    shared.vcsConnectDb = database.db;
  });
  // Re-installed before each test in case another helper swapped the client.
  beforeEach(() => {
    shared.vcsConnectDb = database?.db;
  });
  afterAll(async () => {
    if (shared.vcsConnectDb === database?.db) delete shared.vcsConnectDb;
    await database?.cleanup();
  });

  return {
    get db() {
      if (!database) throw new Error("useTestDatabase(): the database exists only inside tests and hooks");
      return database.db;
    },
    get url() {
      if (!database) throw new Error("useTestDatabase(): the database exists only inside tests and hooks");
      return database.url;
    },
  };
}
