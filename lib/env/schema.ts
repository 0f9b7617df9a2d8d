import { z } from "zod";

/**
 * The server's configuration. Every variable is named here with the fix for a bad
 * value, so a misconfigured start stops with a sentence an operator can act on.
 * Pure (no server-only import) so start-up scripts validate before spawning Next.
 */
const httpUrl = (name: string, example: string) =>
  z
    .string({ error: `${name} is missing. Set it to a URL such as ${example}.` })
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      error: `${name} must be an http(s) URL such as ${example}.`,
    })
    .transform((value) => value.replace(/\/+$/, ""));

const KEY_HINT = "32 random bytes, base64-encoded (`openssl rand -base64 32`)";

const encryptionKey = (name: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const key = Buffer.from(value, "base64");
      if (key.length !== 32) {
        ctx.addIssue({ code: "custom", message: `${name} must be ${KEY_HINT}.` });
        return z.NEVER;
      }
      return key;
    });

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: httpUrl("APP_URL", "http://localhost:3000").default("http://localhost:3000"),
  DATABASE_URL: z
    .string()
    .trim()
    .startsWith("file:", {
      error: "DATABASE_URL must be a SQLite URL such as file:./data/vcs-connect.db.",
    })
    .default("file:./data/vcs-connect.db"),
  AUTH_SECRET: z
    .string({
      error:
        "AUTH_SECRET is missing. Set it to a random string of at least 32 characters (for example the output of `openssl rand -base64 32`) in .env.local; `npm start` generates one for the embedded setup.",
    })
    .min(32, { error: "AUTH_SECRET is too short. Use at least 32 random characters (`openssl rand -base64 32`)." }),
  BITBUCKET_HOST_URL: httpUrl("BITBUCKET_HOST_URL", "https://bitbucket.org").default("https://bitbucket.org"),
  BITBUCKET_API_URL: httpUrl("BITBUCKET_API_URL", "https://api.bitbucket.org/2.0").default(
    "https://api.bitbucket.org/2.0",
  ),
  BITBUCKET_LOGIN_CLIENT_ID: z
    .string({
      error:
        "BITBUCKET_LOGIN_CLIENT_ID is missing. Run `npm start` to use the bundled Bitbucket sandbox, or create a login consumer on Bitbucket (Account: Email and Read) and set its Key here (see README, 'Sign-in with your own Bitbucket').",
    })
    .trim()
    .min(1, { error: "BITBUCKET_LOGIN_CLIENT_ID is empty. Set it to the login consumer's Key." }),
  BITBUCKET_LOGIN_CLIENT_SECRET: z
    .string({
      error:
        "BITBUCKET_LOGIN_CLIENT_SECRET is missing. Set it to the login consumer's Secret (Bitbucket shows it on the consumer's page).",
    })
    .min(1, { error: "BITBUCKET_LOGIN_CLIENT_SECRET is empty. Set it to the login consumer's Secret." }),
  ENCRYPTION_KEY: z
    .string({
      error: `ENCRYPTION_KEY is missing. It encrypts client secrets and tokens at rest: set it to ${KEY_HINT}; \`npm start\` generates one for the embedded setup.`,
    })
    .pipe(encryptionKey("ENCRYPTION_KEY")),
  ENCRYPTION_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,16}$/, { error: "ENCRYPTION_KEY_ID must be 1 to 16 letters, digits, - or _." })
    .default("k1"),
  /** Keys that sealed older values, kept readable during a rotation: "id:base64key,id:base64key". */
  ENCRYPTION_PREVIOUS_KEYS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const entries: [string, Buffer][] = [];
      for (const item of value.split(",").map((part) => part.trim()).filter(Boolean)) {
        const [id, key] = item.split(":");
        const bytes = Buffer.from(key ?? "", "base64");
        if (!id || bytes.length !== 32) {
          ctx.addIssue({ code: "custom", message: `ENCRYPTION_PREVIOUS_KEYS must list id:key pairs, each key ${KEY_HINT}.` });
          return z.NEVER;
        }
        entries.push([id, bytes]);
      }
      return entries;
    }),
  /**
   * Lets connections use http:// and loopback or private-network hosts (the bundled
   * sandbox, a test host). Off in production: such URLs could reach internal services.
   */
  ALLOW_PRIVATE_NETWORK_URLS: booleanFlag.default(false),
  /** Every call to another host gives up after this long. */
  OUTBOUND_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(120).default(10),
  /** The largest response body read from another host (Bitbucket's pages are far smaller). */
  OUTBOUND_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /** Refresh an access token this long before it expires (Bitbucket's live 2 hours). */
  TOKEN_REFRESH_MARGIN_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  /** How often the health sweep checks each connected connection. */
  HEALTH_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  /** Transient failures in a row before a connection's status turns to error. */
  HEALTH_FAILURE_THRESHOLD: z.coerce.number().int().min(1).max(100).default(3),
  /** How long health checks and status changes are kept. */
  HEALTH_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(8),
  /** Webhook deliveries older than this are deleted by the sweep. */
  WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Request ceilings per minute, per instance (each process counts its own). */
  WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  CONNECT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** The largest JSON body the VCS API reads. */
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(64 * 1024),
  // Alerts: e-mail over SMTP (unset SMTP_HOST: no e-mail destinations), and the sender's pace.
  SMTP_HOST: z.string().trim().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  SMTP_SECURE: booleanFlag.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().trim().default("vcs-connect <alerts@localhost>"),
  /** How often each process looks for alerts due to be sent. */
  ALERT_SEND_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses a raw environment; empty strings count as unset so `FOO=` falls back to defaults. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => issue.message));
  }
  return result.data;
}
