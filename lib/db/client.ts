import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

// Sealed secrets are left out of every query; the few modules that need one ask for it.
export const omittedColumns = {
  vcsConnection: { clientSecretSealed: true },
  vcsGrant: { accessTokenSealed: true, refreshTokenSealed: true },
  apiToken: { tokenHash: true },
  project: { hookSecretSealed: true },
  webhookSubscription: { secretSealed: true },
  alertDestination: { urlSealed: true, secretSealed: true },
} as const;
const omit = omittedColumns;

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

function createSqliteClient(databaseUrl: string) {
  return new SqliteClient({ adapter: sqliteAdapter(databaseUrl), omit });
}

/**
 * The one client type the app codes against. Both generated clients have the same models
 * and queries; they differ only in provider details (such as the isolation levels
 * `$transaction` accepts), so the PostgreSQL client is presented as this type once, here.
 */
export type Database = ReturnType<typeof createSqliteClient>;

/**
 * Builds a client for a database URL (`file:` → SQLite, `postgres://` or `postgresql://`
 * → PostgreSQL); the app uses the shared one in ./index.
 */
export function createDatabaseClient(databaseUrl: string): Database {
  if (databaseUrl.startsWith("file:")) return createSqliteClient(databaseUrl);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), omit }) as unknown as Database;
  }
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL).");
}
