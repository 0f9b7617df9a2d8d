import { defineConfig } from "@playwright/test";
import { APP_URL, EMULATOR_PORT, EMULATOR_URL, LOGIN_CONSUMER, appEnvironment } from "./e2e/support/environment";

export default defineConfig({
  testDir: "e2e",
  // The tests share one app and one database, so they run one at a time. sign-in.spec
  // runs first (its first sign-in claims the instance, and bob signs in once so others
  // can add him by email); every other file builds its own organization and data.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright's own browser downloads are never used.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "sign-in", testMatch: /sign-in\.spec\.ts/, use: { browserName: "chromium" } },
    { name: "chromium", testIgnore: /sign-in\.spec\.ts/, dependencies: ["sign-in"], use: { browserName: "chromium" } },
  ],
  webServer: [
    {
      command: "node --import tsx emulator/src/main.ts",
      url: `${EMULATOR_URL}/_emulator/health`,
      env: { EMULATOR_PORT: String(EMULATOR_PORT), EMULATOR_CONSUMERS: JSON.stringify([LOGIN_CONSUMER]) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Needs a prior `next build` (npm run test:e2e does it).
      command: `node --import tsx scripts/db-reset.ts && node_modules/.bin/next start --port ${new URL(APP_URL).port}`,
      url: `${APP_URL}/signin`,
      env: appEnvironment,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
