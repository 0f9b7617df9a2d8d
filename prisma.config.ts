import { defineConfig } from "prisma/config";
import { databaseProvider, DEFAULT_DATABASE_URL } from "./scripts/lib/database-url";
import { loadEnvFiles } from "./scripts/lib/env-files";
import { prismaCliPgAdapter, prismaCliSqliteAdapter } from "./scripts/lib/prisma-cli-adapters";

// Prisma's config does not read .env files itself.
loadEnvFiles();

// DATABASE_URL picks the provider's folder (schema.prisma + the shared models), its
// migrations and its adapter. `prisma generate` for both clients is `npm run db:generate`.
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const provider = databaseProvider(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  async adapter() {
    return provider === "sqlite" ? prismaCliSqliteAdapter(url) : prismaCliPgAdapter(url);
  },
});
