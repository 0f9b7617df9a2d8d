import { Auth } from "@auth/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeConsumer, start, type TestEmulator } from "@/emulator/test/helpers";
import { reloadEnv } from "@/lib/env";
import { decideOnBitbucket } from "@/test/bitbucket-consent";
import { useTestDatabase } from "@/test/use-test-database";
import { authConfig } from "./config";
import { readSignInWorkspaces } from "./read-sign-in-workspaces";
import { recordSignInWorkspaces } from "./record-sign-in-workspaces";

const database = useTestDatabase();
let emulator: TestEmulator;
const LOGIN_SETTINGS = ["BITBUCKET_HOST_URL", "BITBUCKET_API_URL", "BITBUCKET_LOGIN_CLIENT_ID", "BITBUCKET_LOGIN_CLIENT_SECRET"] as const;
const before = Object.fromEntries(LOGIN_SETTINGS.map((name) => [name, process.env[name]]));

// The app signs people in at the sandbox, as `npm start` and the browser tests configure it.
beforeAll(async () => {
  emulator = await start();
  const consumer = await makeConsumer(emulator, { scopes: ["account", "email"], callbackUrl: "http://localhost:3999/api/auth/callback/bitbucket" });
  Object.assign(process.env, { BITBUCKET_HOST_URL: emulator.url, BITBUCKET_API_URL: emulator.apiUrl, BITBUCKET_LOGIN_CLIENT_ID: consumer.key, BITBUCKET_LOGIN_CLIENT_SECRET: consumer.secret });
  reloadEnv();
});
afterAll(async () => {
  for (const name of LOGIN_SETTINGS) {
    if (before[name] === undefined) delete process.env[name];
    else process.env[name] = before[name];
  }
  reloadEnv();
  await emulator.close();
});

/** One browser's requests to the app's Auth.js routes, keeping its cookies. */
function appBrowser() {
  const cookies = new Map<string, string>();
  return async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await Auth(new Request(`http://localhost:3999${path}`, { ...init, headers }), { ...authConfig(), basePath: "/api/auth", trustHost: true });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  };
}

/** "Sign in with Bitbucket" from start to finish: the app's button, Bitbucket's login and consent, the callback. */
async function signInWithBitbucket(username: string): Promise<string> {
  const app = appBrowser();
  const { csrfToken } = (await (await app("/api/auth/csrf")).json()) as { csrfToken: string };
  const started = await app("/api/auth/signin/bitbucket", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/dashboard" }),
  });
  const callback = await decideOnBitbucket(emulator, started.headers.get("location") ?? "", { username });
  const finished = await app(`/api/auth/callback/bitbucket?${callback}`);
  expect(finished.headers.get("location")).toBe("http://localhost:3999/dashboard");
  const user = await database.db.user.findFirstOrThrow({ where: { email: `${username}@${username === "carol" ? "carol-labs" : "acme"}.example` } });
  return user.id;
}

describe("the person's workspaces", () => {
  it("are recorded at sign-in, with the host signed in with, and read back admin-first by name", async () => {
    const alice = await signInWithBitbucket("alice");
    expect(await readSignInWorkspaces(alice)).toEqual({
      hostUrl: emulator.url,
      workspaces: [
        { slug: "acme", name: "Acme Inc", administrator: true },
        { slug: "bigco", name: "BigCo Holdings", administrator: false },
      ],
    });
  });

  it("are replaced at each sign-in, so a workspace left on Bitbucket is no longer offered", async () => {
    const alice = (await database.db.user.findFirstOrThrow({ where: { email: "alice@acme.example" } })).id;
    await database.db.signInWorkspace.create({ data: { userId: alice, hostUrl: "https://bitbucket.org", slug: "left-long-ago", name: "Left long ago" } });
    await signInWithBitbucket("alice");
    expect((await readSignInWorkspaces(alice))?.workspaces.map((workspace) => workspace.slug)).toEqual(["acme", "bigco"]);
    expect(await database.db.signInWorkspace.count({ where: { userId: alice } })).toBe(2);
  });

  it("are each person's own", async () => {
    const carol = await signInWithBitbucket("carol");
    expect((await readSignInWorkspaces(carol))?.workspaces.map((workspace) => workspace.slug)).toEqual(["carol-labs"]);
  });

  it("stay as last recorded when Bitbucket could not list them this time; none recorded reads as null", async () => {
    const user = await database.db.user.create({ data: { email: "dana@sign-in-workspaces.test" } });
    expect(await readSignInWorkspaces(user.id)).toBeNull();
    await recordSignInWorkspaces(database.db, user.id, "https://bitbucket.org", [{ slug: "dana-co", name: "Dana Co", administrator: null }]);
    await recordSignInWorkspaces(database.db, user.id, "https://bitbucket.org", null);
    expect(await readSignInWorkspaces(user.id)).toEqual({ hostUrl: "https://bitbucket.org", workspaces: [{ slug: "dana-co", name: "Dana Co", administrator: null }] });
  });
});
