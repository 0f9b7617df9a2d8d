import "server-only";
import { env } from "@/lib/env";
import { createDatabaseClient, type Database } from "./client";

// One client per process; kept on globalThis so dev-server reloads reuse it.
const globalForDb = globalThis as typeof globalThis & { vcsConnectDb?: Database };

export function db(): Database {
  globalForDb.vcsConnectDb ??= createDatabaseClient(env().DATABASE_URL);
  return globalForDb.vcsConnectDb;
}
