// Writes a new migration for BOTH databases from a change to prisma/models.prisma:
//   npm run db:migration -- <name> [--timestamp YYYYMMDDHHMMSS]
//   npm run db:migration -- --check     (exit 1 when the models and migrations disagree)
// Each provider's committed migrations are replayed into a shadow database and diffed
// with the models: SQLite in memory, PostgreSQL in a scratch database on a local server
// (POSTGRES_URL, or the one scripts/postgres.sh starts, installing it where absent).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { DatabaseProvider } from "./lib/database-url";

const USAGE = "Usage: npm run db:migration -- <name> [--timestamp YYYYMMDDHHMMSS]   or   npm run db:migration -- --check";
const EMPTY = "-- This is an empty migration.";

function prisma(args: string[], databaseUrl: string): string {
  return execFileSync(resolve("node_modules/.bin/prisma"), args, {
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
}

/** The SQL that takes a database from its committed migrations (replayed into a shadow database) to the models. */
function change(provider: DatabaseProvider, databaseUrl: string): string {
  const migrations = `prisma/${provider}/migrations`;
  return prisma(["migrate", "diff", "--from-migrations", migrations, "--to-schema-datamodel", `prisma/${provider}`, "--script"], databaseUrl);
}

function postgresServer(): string {
  if (process.env.POSTGRES_URL) return process.env.POSTGRES_URL;
  return execFileSync("bash", ["scripts/postgres.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
}

const isEmpty = (sql: string) => sql.trim() === "" || sql.trim() === EMPTY;

function utcTimestamp(): string {
  return new Date().toISOString().replace(/\D/g, "").slice(0, 14);
}

function main() {
  const { values, positionals } = parseArgs({
    options: { timestamp: { type: "string" }, check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help) return console.log(USAGE);
  const name = positionals[0];
  if (!values.check && !(name && /^[a-z0-9_]+$/.test(name))) throw new Error(`Name the migration in lower case with underscores, such as add_project_labels.\n${USAGE}`);
  const timestamp = values.timestamp ?? utcTimestamp();
  if (!/^\d{14}$/.test(timestamp)) throw new Error(`--timestamp must be 14 digits (YYYYMMDDHHMMSS), such as 20261201010000.`);

  const scratch = mkdtempSync(join(tmpdir(), "vcs-connect-migration-"));
  try {
    console.error("Comparing the models with the SQLite migrations…");
    const sqlite = change("sqlite", `file:${join(scratch, "unused.db")}`);
    console.error("Comparing the models with the PostgreSQL migrations…");
    const postgresql = change("postgresql", postgresServer());
    const changes: Record<DatabaseProvider, string> = { sqlite, postgresql };

    if (values.check) {
      const behind = (Object.keys(changes) as DatabaseProvider[]).filter((provider) => !isEmpty(changes[provider]));
      if (behind.length === 0) return console.log("The migrations of both databases match prisma/models.prisma.");
      console.error(`prisma/models.prisma has changes the ${behind.join(" and ")} migrations lack. Run: npm run db:migration -- <name>`);
      process.exitCode = 1;
      return;
    }
    if (isEmpty(sqlite) && isEmpty(postgresql)) return console.log("prisma/models.prisma matches the migrations: nothing to write.");
    if (isEmpty(sqlite) !== isEmpty(postgresql)) {
      throw new Error("Only one database's migrations differ from the models: bring prisma/sqlite/migrations and prisma/postgresql/migrations level first.");
    }
    for (const provider of Object.keys(changes) as DatabaseProvider[]) {
      const folder = join("prisma", provider, "migrations", `${timestamp}_${name}`);
      const existing = readdirSync(join("prisma", provider, "migrations")).find((entry) => entry.startsWith(`${timestamp}_`));
      if (existsSync(folder) || existing) throw new Error(`${join("prisma", provider, "migrations", existing ?? "")} already uses timestamp ${timestamp}.`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, "migration.sql"), changes[provider]);
      console.log(`Wrote ${folder}/migration.sql`);
    }
    execFileSync("npm", ["run", "-s", "db:generate"], { stdio: ["ignore", "ignore", "inherit"] });
    console.log("Both clients regenerated. Review both files, then commit them with prisma/models.prisma.");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error: unknown) {
  const stderr = (error as { stderr?: string }).stderr;
  console.error(`db:migration: ${error instanceof Error ? error.message : String(error)}${stderr ? `\n${stderr}` : ""}`);
  process.exit(1);
}
