// The browser tests' own app and sandbox, on ports apart from `npm start`'s, on a fresh database.
// E2E_APP_PORT / E2E_EMULATOR_PORT move them, so two checkouts can run their browser tests at once.
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
/** The browser tests' SMTP server (alerts.spec.ts starts it; the app sends alert e-mail there). */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? EMULATOR_PORT + 25);
/** The browser tests' alert webhook receiver (alerts.spec.ts), the one other private origin the app may call. */
export const ALERT_RECEIVER_PORT = Number(process.env.E2E_ALERT_RECEIVER_PORT ?? EMULATOR_PORT + 26);
// The forwarding tests' service, and a port nothing listens on: fixed, so the app may call them.
export const SUBSCRIBER_PORT = EMULATOR_PORT + 27;
export const UNREACHABLE_PORT = EMULATOR_PORT + 28;
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
  // The sandbox, the alert receiver and the forwarding tests' services are loopback http://
  // hosts: only their origins are allowed.
  ALLOWED_PRIVATE_ORIGINS: [EMULATOR_URL, ...[ALERT_RECEIVER_PORT, SUBSCRIBER_PORT, UNREACHABLE_PORT].map((port) => `http://127.0.0.1:${port}`)].join(","),
  BITBUCKET_HOST_URL: EMULATOR_URL,
  BITBUCKET_API_URL: `${EMULATOR_URL}/2.0`,
  BITBUCKET_LOGIN_CLIENT_ID: LOGIN_CONSUMER.key,
  BITBUCKET_LOGIN_CLIENT_SECRET: LOGIN_CONSUMER.secret,
  LOG_LEVEL: "warn",
  // Frequent sweeps so status changes show up within a test's patience.
  HEALTH_SWEEP_INTERVAL_SECONDS: "5",
  // And every connection checked at each sweep: no backing off while healthy.
  HEALTH_CHECK_MAX_INTERVAL_SECONDS: "5",
  // Every browser test comes from one address and signs in and connects many times.
  SIGN_IN_RATE_LIMIT_PER_MINUTE: "10000",
  CONNECT_RATE_LIMIT_PER_MINUTE: "10000",
  API_RATE_LIMIT_PER_MINUTE: "10000",
  // Quick retries, and a subscription marked failing after two, so the browser sees it.
  OUTBOX_POLL_SECONDS: "0.5",
  OUTBOX_RETRY_BASE_SECONDS: "0.5",
  OUTBOX_FAILURE_THRESHOLD: "2",
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(SMTP_PORT),
  SMTP_FROM: "vcs-connect <alerts@e2e.example>",
  ALERT_SEND_INTERVAL_SECONDS: "2",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  // The network page and the delivery log's source check: declared egress and a copy of Atlassian's ranges.
  EGRESS_IPS: "203.0.113.10,198.51.100.0/28",
  ATLASSIAN_IP_RANGES_FILE: "e2e/fixtures/atlassian-ip-ranges.json",
};
