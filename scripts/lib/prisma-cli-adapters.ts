// Driver adapters for Prisma's CLI (migrate deploy, migrate diff, db push) only; the app
// uses the plain ones (lib/db/client.ts).
//
// SQLite: the schema engine replays each migration into the shadow database as one
// executeRaw, which better-sqlite3 refuses for more than one statement; the shadow
// adapter runs parameterless SQL as a script instead.
//
// PostgreSQL: two gaps of adapter-pg 6.19 are covered:
// - the schema engine reads catalog columns of type `name` (OID 19), `"char"` (18) and
//   `name[]` (1003), which the adapter cannot map ("could not be deserialized"): they are
//   relabelled as text / text[], which is what their values are;
// - its shadow database pool is built from a copy of the config in which a
//   connectionString would win over the shadow database's name, and it drops that
//   database before closing the pool: here the pool is built from parsed parameters and
//   closed first.
import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse } from "pg-connection-string";

const RELABEL: Record<number, number> = { 18: 25, 19: 25, 1003: 1009 };

function relabel<T>(result: T): T {
  for (const item of Array.isArray(result) ? result : [result]) {
    for (const field of (item as pg.QueryResult | undefined)?.fields ?? []) {
      field.dataTypeID = RELABEL[field.dataTypeID] ?? field.dataTypeID;
    }
  }
  return result;
}

class RelabellingClient extends pg.Client {
  // pg.Pool calls the callback form; the adapter's own client calls the promise form.
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: Error | null, result: unknown) => callback(error, error ? result : relabel(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const outcome = (super.query as (...a: unknown[]) => unknown)(...args);
    return (outcome instanceof Promise ? outcome.then(relabel) : outcome) as never;
  }
}

function poolConfig(databaseUrl: string, database?: string): pg.PoolConfig {
  const { host, port, user, password, database: named, options } = parse(databaseUrl);
  return {
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    database: database ?? named ?? undefined,
    options: options ?? undefined,
    Client: RelabellingClient,
    // The CLI exits when its work is done, not after the pool's idle timeout.
    allowExitOnIdle: true,
  };
}

class CliPrismaPg extends PrismaPg {
  constructor(private readonly databaseUrl: string) {
    super(poolConfig(databaseUrl));
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg(poolConfig(this.databaseUrl, name)).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

export function prismaCliPgAdapter(databaseUrl: string): PrismaPg {
  return new CliPrismaPg(databaseUrl);
}

class CliPrismaSqlite extends PrismaBetterSQLite3 {
  override async connectToShadowDb() {
    const shadow = await super.connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      await shadow.executeScript(query.sql);
      return 0;
    };
    return shadow;
  }
}

export function prismaCliSqliteAdapter(databaseUrl: string): PrismaBetterSQLite3 {
  return new CliPrismaSqlite({ url: databaseUrl });
}
