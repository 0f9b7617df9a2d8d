// The browser tests' own app and sandbox, on ports apart from `npm start`'s, on a fresh database.
// E2E_APP_PORT / E2E_EMULATOR_PORT move them, so two checkouts can run their browser tests at once.
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
/** The browser tests' SMTP server (alerts.spec.ts starts it; the app sends alert e-mail there). */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? EMULATOR_PORT + 25);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;

export const LOGIN_CONSUMER = {
  key: "e2eLoginConsumerKey0000000000000",
  secret: "e2e-login-consumer-secret-used-only-by-the-browser-tests-000000000000",
  name: "vcs-connect sign-in",
  workspace: "acme",
  callbackUrl: `${APP_URL}/api/auth/callback/bitbucket`,
  scopes: ["account", "email"],
  isPrivate: false,
};

export const appEnvironment = {
  NODE_ENV: "production",
  APP_URL,
  DATABASE_URL: "file:./data/e2e.db",
  AUTH_SECRET: "e2e-auth-secret-not-used-anywhere-else-000000",
  ENCRYPTION_KEY: Buffer.alloc(32, 42).toString("base64"),
  // The sandbox is a loopback http:// host.
  ALLOW_PRIVATE_NETWORK_URLS: "true",
  BITBUCKET_HOST_URL: EMULATOR_URL,
  BITBUCKET_API_URL: `${EMULATOR_URL}/2.0`,
  BITBUCKET_LOGIN_CLIENT_ID: LOGIN_CONSUMER.key,
  BITBUCKET_LOGIN_CLIENT_SECRET: LOGIN_CONSUMER.secret,
  LOG_LEVEL: "warn",
  // Frequent sweeps so status changes show up within a test's patience.
  HEALTH_SWEEP_INTERVAL_SECONDS: "5",
  // Every browser test comes from one address and signs in and connects many times.
  SIGN_IN_RATE_LIMIT_PER_MINUTE: "10000",
  CONNECT_RATE_LIMIT_PER_MINUTE: "10000",
  API_RATE_LIMIT_PER_MINUTE: "10000",
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(SMTP_PORT),
  SMTP_FROM: "vcs-connect <alerts@e2e.example>",
  ALERT_SEND_INTERVAL_SECONDS: "2",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
};
