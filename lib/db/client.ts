import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";

/** Builds a client for a database URL; the app uses the shared one in ./index. */
export function createDatabaseClient(databaseUrl: string) {
  // Waits out a concurrent writer (another request or process) instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5_000 });
  return new PrismaClient({ adapter });
}

export type Database = ReturnType<typeof createDatabaseClient>;
