// Recreates the database named by DATABASE_URL (SQLite or PostgreSQL) from the committed migrations.
import { DEFAULT_DATABASE_URL } from "./lib/database-url";
import { resetDatabase } from "./lib/database";
import { loadEnvFiles } from "./lib/env-files";

loadEnvFiles();
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
await resetDatabase(url);
console.log(`Database reset: ${new URL(url).protocol === "file:" ? url : redactPassword(url)}`);

function redactPassword(value: string): string {
  const parsed = new URL(value);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
