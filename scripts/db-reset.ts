// Recreates the database named by DATABASE_URL from the committed migrations.
import { loadEnvFiles } from "./lib/env-files";
import { resetDatabase } from "./lib/database";

loadEnvFiles();
const url = process.env.DATABASE_URL ?? "file:./data/vcs-connect.db";
resetDatabase(url);
console.log(`Database reset: ${url}`);
