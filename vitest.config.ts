import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from "vitest/config";

// What lib/env needs in tests; the sandbox and local test servers are loopback hosts.
const testEnvironment = {
  NODE_ENV: "test",
  APP_URL: "http://localhost:3999",
  AUTH_SECRET: "unit-test-auth-secret-0000000000000000",
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  BITBUCKET_LOGIN_CLIENT_ID: "unit-test-login-key",
  BITBUCKET_LOGIN_CLIENT_SECRET: "unit-test-login-secret",
  // Test servers (the emulator, local receivers) listen on loopback at random ports.
  ALLOWED_PRIVATE_ORIGINS: "http://127.0.0.1:*,http://localhost:*",
  LOG_LEVEL: "silent",
} as const;

const unitTests = ["lib/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts", "cli/**/*.test.ts"];
// Tests that need both databases at once (comparing them, copying between them) or
// PostgreSQL itself (several app servers on one database).
const postgresOnly = ["test/migration-histories.test.ts", "test/app-servers.test.ts", "scripts/db-copy.test.ts"];

/**
 * The integration tests run on SQLite and again on PostgreSQL: every test file that
 * takes a database (useTestDatabase / createTestDatabase) is in both projects.
 */
function databaseTests(): string[] {
  return ["lib", "scripts", "test"]
    .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((file) => `${dir}/${file}`))
    .filter((file) => file.endsWith(".test.ts"))
    .filter((file) => /\b(useTestDatabase|createTestDatabase)\(/.test(readFileSync(file, "utf8")));
}

const POSTGRES_HELP =
  "Start one with `bash scripts/postgres.sh` (PostgreSQL from the machine's packages on 127.0.0.1:55432), or set TEST_POSTGRES_URL to a server where this user may create databases.";

async function reachablePostgres(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const postgresUrl = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:55432/postgres";
  const postgres = await reachablePostgres(postgresUrl);
  if (!postgres) {
    const where = postgresUrl.replace(/\/\/[^@]*@/, "//");
    if (process.env.CI) throw new Error(`CI: no PostgreSQL answers at ${where}, so the tests on PostgreSQL cannot run. ${POSTGRES_HELP}`);
    console.warn(`\nSkipped: the tests on PostgreSQL (no server at ${where}). ${POSTGRES_HELP}\n`);
  }

  return {
    resolve: {
      alias: {
        "@/": fileURLToPath(new URL("./", import.meta.url)),
        "server-only": fileURLToPath(new URL("./test/stubs/server-only.ts", import.meta.url)),
      },
    },
    test: {
      // The machine is shared and tests start servers and processes: generous, not tight.
      testTimeout: 20_000,
      hookTimeout: 60_000,
      projects: [
        {
          extends: true,
          test: {
            name: "sqlite",
            include: unitTests,
            exclude: postgresOnly,
            environment: "node",
            globalSetup: ["test/global-setup.ts"],
            env: testEnvironment,
          },
        },
        ...(postgres
          ? ([
              {
                extends: true,
                test: {
                  name: "postgresql",
                  include: [...new Set([...databaseTests(), ...postgresOnly])],
                  environment: "node",
                  globalSetup: ["test/global-setup-postgres.ts"],
                  env: { ...testEnvironment, TEST_POSTGRES_URL: postgresUrl },
                },
              },
            ] satisfies TestProjectInlineConfiguration[])
          : []),
        {
          extends: true,
          test: { name: "emulator", include: ["emulator/test/**/*.test.ts"], environment: "node" },
        },
      ],
    },
  };
});
