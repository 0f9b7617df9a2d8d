// Copies every record from one database into a new, empty one, such as moving up from
// SQLite to PostgreSQL:
//   npm run db:copy -- --from file:./data/vcs-connect.db --to postgres://user:password@host:5432/vcs_connect
// The target is migrated first and must be empty; sealed values are copied as they are
// (the target's instances need the same ENCRYPTION_KEY). Stop the app while it runs.
import { parseArgs } from "node:util";
import { CopyRefused, copyDatabase } from "./lib/copy-database";
import { databaseProvider } from "./lib/database-url";

const USAGE = "Usage: npm run db:copy -- --from <database URL> --to <database URL>   (file:… for SQLite, postgres://… for PostgreSQL)";

function fail(message: string): never {
  console.error(`db:copy: ${message}`);
  process.exit(1);
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

async function main() {
  let values: { from?: string; to?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) return console.log(USAGE);
  if (!values.from || !values.to) fail(`--from and --to are both required.\n${USAGE}`);
  for (const [flag, url] of [["--from", values.from], ["--to", values.to]] as const) {
    try {
      databaseProvider(url);
    } catch {
      fail(`${flag} must be a SQLite URL (file:./data/vcs-connect.db) or a PostgreSQL URL (postgres://user:password@host:5432/db).`);
    }
  }
  console.log(`Copying ${redact(values.from)} → ${redact(values.to)}`);
  const counts = await copyDatabase(values.from, values.to, (line) => console.log(line));
  const width = Math.max(...counts.map((c) => c.model.length));
  console.log("\nCopied:");
  for (const { model, rows } of counts) console.log(`  ${model.padEnd(width)}  ${rows}`);
  console.log(`  ${"total".padEnd(width)}  ${counts.reduce((sum, c) => sum + c.rows, 0)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof CopyRefused ? error.message : error instanceof Error ? error.message : String(error)),
);
