import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";

/**
 * SQLite settings of each connection (they are not stored in the file). In WAL mode
 * (set by the migrations), `synchronous = NORMAL` syncs at checkpoints instead of on
 * every commit: a committed write survives a crash of the app, and only a power loss can
 * drop the last commits; each webhook delivery or check no longer waits on an fsync.
 */
const SQLITE_CONNECTION_SETTINGS = "PRAGMA synchronous = NORMAL;";

function sqliteAdapter(databaseUrl: string) {
  // Waits out a concurrent writer (another request or process) instead of failing at once.
  const factory = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5_000 });
  return {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      await connection.executeScript(SQLITE_CONNECTION_SETTINGS);
      return connection;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

/** Builds a client for a database URL; the app uses the shared one in ./index. */
export function createDatabaseClient(databaseUrl: string) {
  return new PrismaClient({
    adapter: sqliteAdapter(databaseUrl),
    // Sealed secrets are left out of every query; the few modules that need one ask for it.
    omit: {
      vcsConnection: { clientSecretSealed: true },
      vcsGrant: { accessTokenSealed: true, refreshTokenSealed: true },
      apiToken: { tokenHash: true },
      project: { hookSecretSealed: true },
      webhookSubscription: { secretSealed: true },
    },
  });
}

export type Database = ReturnType<typeof createDatabaseClient>;
