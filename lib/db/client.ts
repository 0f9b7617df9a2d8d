import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";

/** Builds a client for a database URL; the app uses the shared one in ./index. */
export function createDatabaseClient(databaseUrl: string) {
  // Waits out a concurrent writer (another request or process) instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5_000 });
  return new PrismaClient({
    adapter,
    // Sealed secrets are left out of every query; the few modules that need one ask for it.
    omit: {
      vcsConnection: { clientSecretSealed: true },
      vcsGrant: { accessTokenSealed: true, refreshTokenSealed: true },
      apiToken: { tokenHash: true },
      project: { hookSecretSealed: true },
      alertDestination: { urlSealed: true, secretSealed: true },
    },
  });
}

export type Database = ReturnType<typeof createDatabaseClient>;
