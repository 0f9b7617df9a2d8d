import { isIP } from "node:net";
import { z } from "zod";
import { WORKSPACE_SLUG } from "../vcs/bitbucket-cloud/workspace-slug";

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

function isIpOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split("/");
  const family = isIP(address ?? "");
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export const EMAIL_DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** Lowercase workspace IDs or email domains, separated by commas or spaces. */
export function splitList(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).map((item) => item.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))];
}
const signInList = (name: string, pattern: RegExp, example: string) =>
  z
    .string()
    .default("")
    .transform((value, ctx) => {
      const items = splitList(value);
      const bad = items.find((item) => !pattern.test(item));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `${name}: "${bad}" is not valid. List ${example}, separated by commas.` });
        return z.NEVER;
      }
      return items;
    });

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: httpUrl("APP_URL", "http://localhost:3000").default("http://localhost:3000"),
  /** `file:` → SQLite (the embedded default), `postgres://` or `postgresql://` → PostgreSQL. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^(file:|postgres(ql)?:\/\/)/, {
      error:
        "DATABASE_URL must be a SQLite URL such as file:./data/vcs-connect.db or a PostgreSQL URL such as postgres://user:password@db.example.com:5432/vcs_connect.",
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
   * Origins (scheme://host:port) on loopback or private networks that connections may
   * use, over http:// too: the bundled sandbox adds its own. Anything else on such
   * networks is refused, so a sandbox or test host does not open every internal service.
   * A port of `*` matches any port of that host (for tests with servers on random ports).
   */
  ALLOWED_PRIVATE_ORIGINS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const origins: string[] = [];
      for (const item of value.split(",").map((part) => part.trim()).filter(Boolean)) {
        const wildcard = /:\*$/.test(item);
        const candidate = wildcard ? item.replace(/:\*$/, "") : item;
        const url = URL.canParse(candidate) ? new URL(candidate) : null;
        if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
          ctx.addIssue({
            code: "custom",
            message: `ALLOWED_PRIVATE_ORIGINS must list origins separated by commas, such as http://127.0.0.1:4100 (scheme, host and port; no path): "${item}" is not one.`,
          });
          return z.NEVER;
        }
        origins.push(wildcard ? `${url.origin}:*` : url.origin);
      }
      return origins;
    }),
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
  /** The largest request body the Bitbucket proxy forwards (bytes). */
  PROXY_MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  /** The largest Bitbucket answer the proxy passes on (bytes). */
  PROXY_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  // Forwarding webhook events to subscribers through the outbox.
  /** Run the outbox worker in this process (processing and forwarding); off for receive-only instances. */
  OUTBOX_WORKER: booleanFlag.default(true),
  /** How often an idle worker looks for due outbox messages (a new delivery wakes it at once). */
  OUTBOX_POLL_SECONDS: z.coerce.number().min(0.05).max(300).default(2),
  /** First retry delay of a failed forward; each further retry doubles it, up to an hour. */
  OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(3600).default(10),
  /** How long a forward keeps being retried before it is given up. */
  OUTBOX_RETRY_HOURS: z.coerce.number().min(0.001).max(168).default(24),
  /** Failed attempts in a row before a subscription is marked failing. */
  OUTBOX_FAILURE_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5),
  /**
   * Status pages and their JSON reuse an organization's computed status this long. A change
   * made in the same instance shows at once; other instances' changes within this time.
   */
  STATUS_CACHE_TTL_SECONDS: z.coerce.number().min(0).max(60).default(2),
  /** No healthy connection goes unchecked longer than this, whatever interval its organization chose. */
  HEALTH_CHECK_MAX_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(7 * 86_400).default(86_400),
  /** Health checks the sweep runs at once, and at most per Bitbucket host. */
  HEALTH_SWEEP_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  HEALTH_SWEEP_PER_HOST: z.coerce.number().int().min(1).max(64).default(4),
  /** A health check (refresh, call and retries) that takes longer counts as a timeout. */
  HEALTH_CHECK_DEADLINE_SECONDS: z.coerce.number().min(1).max(300).default(15),
  /** Bearer token for GET /api/metrics (Prometheus). Unset: the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(24, "METRICS_TOKEN must be at least 24 characters (openssl rand -hex 24)").optional(),
  /** Sign-in: only this confirmed email may claim a fresh instance (everyone else waits). */
  INSTANCE_OWNER_EMAIL: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "INSTANCE_OWNER_EMAIL must be an email address, such as admin@example.com (the owner's primary confirmed Bitbucket email)." }))
    .optional(),
  /** Sign-in policy until the instance owner saves one in Settings → Authentication: workspace slugs. */
  SIGN_IN_ALLOWED_WORKSPACES: signInList("SIGN_IN_ALLOWED_WORKSPACES", WORKSPACE_SLUG, "Bitbucket workspace IDs such as acme"),
  /** …and email domains, matched exactly against the primary confirmed email. */
  SIGN_IN_ALLOWED_EMAIL_DOMAINS: signInList("SIGN_IN_ALLOWED_EMAIL_DOMAINS", EMAIL_DOMAIN, "domains such as example.com"),
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

  // Network: what the Settings → Network page tells admins about firewalls and allowlists.
  /** The addresses this instance's outbound requests leave from, as the operator declares them (IPs or CIDRs, comma-separated). */
  EGRESS_IPS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const entries = value.split(",").map((part) => part.trim()).filter(Boolean);
      const bad = entries.find((entry) => !isIpOrCidr(entry));
      if (bad) {
        ctx.addIssue({ code: "custom", message: `EGRESS_IPS: “${bad}” is not an IP address or CIDR range. List them comma-separated, such as 203.0.113.10,198.51.100.0/28.` });
        return z.NEVER;
      }
      return entries;
    }),
  /** A copy of https://ip-ranges.atlassian.com/ (JSON) that the operator keeps on disk; Bitbucket's webhook source ranges come from it. */
  ATLASSIAN_IP_RANGES_FILE: z.string().trim().optional(),
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
