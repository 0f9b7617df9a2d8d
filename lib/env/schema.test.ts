import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./schema";

const valid = {
  AUTH_SECRET: "x".repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  BITBUCKET_LOGIN_CLIENT_ID: "key",
  BITBUCKET_LOGIN_CLIENT_SECRET: "secret",
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("fills the embedded defaults and trims trailing slashes", () => {
    const env = parseEnv({ ...valid, APP_URL: "http://localhost:3000/" });
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.BITBUCKET_HOST_URL).toBe("https://bitbucket.org");
    expect(env.BITBUCKET_API_URL).toBe("https://api.bitbucket.org/2.0");
    expect(env.DATABASE_URL).toBe("file:./data/vcs-connect.db");
  });

  it("names a missing variable and how to fix it", () => {
    const [problem, ...rest] = problems({ ...valid, AUTH_SECRET: undefined });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^AUTH_SECRET is missing\..*openssl rand/);
  });

  it("treats an empty value as unset", () => {
    expect(problems({ ...valid, BITBUCKET_LOGIN_CLIENT_ID: "" })[0]).toMatch(/^BITBUCKET_LOGIN_CLIENT_ID is missing.*npm start/);
  });

  it("reports every malformed variable at once, each by name", () => {
    const found = problems({ ...valid, APP_URL: "localhost:3000", BITBUCKET_API_URL: "ftp://api", AUTH_SECRET: "short" });
    expect(found).toHaveLength(3);
    expect(found).toContain("APP_URL must be an http(s) URL such as http://localhost:3000.");
    expect(found).toContain("BITBUCKET_API_URL must be an http(s) URL such as https://api.bitbucket.org/2.0.");
    expect(found.some((p) => p.startsWith("AUTH_SECRET is too short"))).toBe(true);
  });

  it("decodes the encryption key and rejects one of the wrong length without echoing it", () => {
    expect(parseEnv(valid).ENCRYPTION_KEY).toEqual(Buffer.alloc(32, 7));
    const short = Buffer.alloc(16, 1).toString("base64");
    const [problem] = problems({ ...valid, ENCRYPTION_KEY: short });
    expect(problem).toBe("ENCRYPTION_KEY must be 32 random bytes, base64-encoded (`openssl rand -base64 32`).");
  });

  it("reads previous keys for rotation", () => {
    const old = Buffer.alloc(32, 9).toString("base64");
    expect(parseEnv({ ...valid, ENCRYPTION_PREVIOUS_KEYS: `k0:${old}` }).ENCRYPTION_PREVIOUS_KEYS).toEqual([["k0", Buffer.alloc(32, 9)]]);
    expect(problems({ ...valid, ENCRYPTION_PREVIOUS_KEYS: "k0" })[0]).toMatch(/^ENCRYPTION_PREVIOUS_KEYS must list id:key pairs/);
  });

  it("allows no private origin unless the operator lists it, and refuses what is not an origin", () => {
    expect(parseEnv(valid).ALLOWED_PRIVATE_ORIGINS).toEqual([]);
    expect(parseEnv({ ...valid, ALLOWED_PRIVATE_ORIGINS: "http://127.0.0.1:4100, http://LOCALHOST:3999/,http://10.0.0.5:*" }).ALLOWED_PRIVATE_ORIGINS).toEqual([
      "http://127.0.0.1:4100",
      "http://localhost:3999",
      "http://10.0.0.5:*",
    ]);
    expect(problems({ ...valid, ALLOWED_PRIVATE_ORIGINS: "true" })[0]).toMatch(/^ALLOWED_PRIVATE_ORIGINS must list origins/);
    expect(problems({ ...valid, ALLOWED_PRIVATE_ORIGINS: "http://127.0.0.1:4100/2.0" })[0]).toMatch(/"http:\/\/127.0.0.1:4100\/2.0" is not one/);
  });

  it("takes a SQLite or PostgreSQL database URL and refuses anything else", () => {
    expect(parseEnv({ ...valid, DATABASE_URL: "postgres://db/app" }).DATABASE_URL).toBe("postgres://db/app");
    expect(parseEnv({ ...valid, DATABASE_URL: "postgresql://u:p@db:5432/app" }).DATABASE_URL).toBe("postgresql://u:p@db:5432/app");
    expect(problems({ ...valid, DATABASE_URL: "mysql://db/app" })[0]).toMatch(/^DATABASE_URL must be a SQLite URL .* or a PostgreSQL URL/);
  });

  it("never echoes a secret's value in its message", () => {
    const secretish = "s3cr3t-value-that-is-too-short";
    const message = (() => {
      try {
        parseEnv({ ...valid, AUTH_SECRET: secretish });
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    })();
    expect(message).toContain("AUTH_SECRET");
    expect(message).not.toContain(secretish);
  });

  it("reads the bootstrap sign-in policy and owner email, naming a bad entry", () => {
    const env = parseEnv({ ...valid, INSTANCE_OWNER_EMAIL: " Boss@Example.com ", SIGN_IN_ALLOWED_WORKSPACES: "acme, Carol-Labs", SIGN_IN_ALLOWED_EMAIL_DOMAINS: "@example.com example.org" });
    expect(env.INSTANCE_OWNER_EMAIL).toBe("boss@example.com");
    expect(env.SIGN_IN_ALLOWED_WORKSPACES).toEqual(["acme", "carol-labs"]);
    expect(env.SIGN_IN_ALLOWED_EMAIL_DOMAINS).toEqual(["example.com", "example.org"]);
    expect(problems({ ...valid, SIGN_IN_ALLOWED_EMAIL_DOMAINS: "example.com, not_a_domain" })).toEqual([
      expect.stringMatching(/^SIGN_IN_ALLOWED_EMAIL_DOMAINS: "not_a_domain" is not valid/),
    ]);
    expect(problems({ ...valid, INSTANCE_OWNER_EMAIL: "boss" })).toEqual([expect.stringMatching(/^INSTANCE_OWNER_EMAIL must be an email/)]);
  });
});
