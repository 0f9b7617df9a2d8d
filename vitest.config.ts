import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// What lib/env needs in tests; the sandbox and local test servers are loopback hosts.
const testEnvironment = {
  NODE_ENV: "test",
  APP_URL: "http://localhost:3999",
  AUTH_SECRET: "unit-test-auth-secret-0000000000000000",
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  BITBUCKET_LOGIN_CLIENT_ID: "unit-test-login-key",
  BITBUCKET_LOGIN_CLIENT_SECRET: "unit-test-login-secret",
  ALLOW_PRIVATE_NETWORK_URLS: "true",
  LOG_LEVEL: "silent",
} as const;

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./test/stubs/server-only.ts", import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "cli/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          env: testEnvironment,
          // Integration tests run real flows against an in-process Bitbucket emulator and
          // spawn app processes: on a busy machine 5 s is too tight for some of them.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: { name: "emulator", include: ["emulator/test/**/*.test.ts"], environment: "node" },
      },
    ],
  },
});
