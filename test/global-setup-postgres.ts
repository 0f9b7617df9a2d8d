import type { TestProject } from "vitest/node";
import { postgresDatabaseUrl, postgresQuery, resetDatabase } from "../scripts/lib/database";

// The PostgreSQL project's counterpart of global-setup.ts: one migrated template database
// per run; each test file creates its own database from it (CREATE DATABASE … TEMPLATE),
// and everything this run created is dropped at the end.
export default async function setup(project: TestProject) {
  const server = project.config.env.TEST_POSTGRES_URL;
  if (!server) throw new Error("TEST_POSTGRES_URL is not set for the postgresql project (vitest.config.ts sets it).");
  const prefix = `vcs_test_${process.pid}`;
  const dropRunDatabases = async () => {
    const databases = await postgresQuery<{ name: string }>(server, "SELECT datname AS name FROM pg_database WHERE datname LIKE $1", [`${prefix}\\_%`]);
    for (const { name } of databases) await postgresQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  await dropRunDatabases();
  const template = `${prefix}_template`;
  await postgresQuery(server, `CREATE DATABASE "${template}"`);
  const url = postgresDatabaseUrl(server, template);
  await resetDatabase(url);
  project.provide("templateDatabaseUrl", url);
  return dropRunDatabases;
}
