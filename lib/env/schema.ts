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
