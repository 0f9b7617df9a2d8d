/** Which database a DATABASE_URL names: `file:` → SQLite, `postgres://` or `postgresql://` → PostgreSQL. */
export type DatabaseProvider = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/vcs-connect.db";

export function databaseProvider(databaseUrl: string): DatabaseProvider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(
    `DATABASE_URL must be a SQLite URL such as file:./data/vcs-connect.db or a PostgreSQL URL such as postgres://user:password@host:5432/vcs_connect.`,
  );
}
