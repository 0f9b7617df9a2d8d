import { describe, expect, it } from "vitest";
import { isLoopbackUrl, planStart } from "./start-mode";

const plan = (env: Record<string, string | undefined>, askedForSandbox = false) => planStart(env, { askedForSandbox });

describe("planStart", () => {
  it("runs the sandbox on a loopback development setup without a login consumer", () => {
    expect(plan({})).toMatchObject({ production: false, sandbox: true });
    expect(plan({ APP_URL: "http://127.0.0.1:3000" })).toMatchObject({ sandbox: true });
  });

  it("never runs the sandbox in production: without a login consumer it stops, naming the variable and the fix", () => {
    for (const env of [{ NODE_ENV: "production" }, { APP_URL: "https://vcs.example.com" }, { APP_URL: "http://10.0.0.5:3000" }]) {
      const result = plan(env);
      expect(result).not.toHaveProperty("sandbox");
      expect((result as { error: string }).error).toMatch(/^BITBUCKET_LOGIN_CLIENT_ID is not set, and this is a production start/);
      expect((result as { error: string }).error).toContain("BITBUCKET_LOGIN_CLIENT_SECRET");
    }
    expect((plan({ APP_URL: "https://vcs.example.com" }) as { error: string }).error).toContain("https://vcs.example.com/api/auth/callback/bitbucket");
  });

  it("starts production with a login consumer, without the sandbox", () => {
    expect(plan({ APP_URL: "https://vcs.example.com", BITBUCKET_LOGIN_CLIENT_ID: "key" })).toMatchObject({ production: true, sandbox: false });
    expect(plan({ BITBUCKET_LOGIN_CLIENT_ID: "key" })).toMatchObject({ production: false, sandbox: false });
  });

  it("runs the sandbox when asked for, but never behind a public APP_URL", () => {
    expect(plan({ NODE_ENV: "production", BITBUCKET_LOGIN_CLIENT_ID: "key" }, true)).toMatchObject({ sandbox: true });
    expect((plan({ APP_URL: "https://vcs.example.com" }, true) as { error: string }).error).toMatch(/^--sandbox: /);
  });

  it("knows loopback addresses", () => {
    expect(["http://localhost:3000", "http://127.0.0.1", "http://[::1]:3000", "http://app.localhost"].map(isLoopbackUrl)).toEqual([true, true, true, true]);
    expect(["https://vcs.example.com", "http://192.168.1.2:3000", "http://localhost.example.com"].map(isLoopbackUrl)).toEqual([false, false, false]);
  });
});
