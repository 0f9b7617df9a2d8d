// Access tokens (Bearer, confined to their repository, project or workspace) and API tokens
// (Basic with the account's email), their expiry on the emulator's clock, and scaled rate limits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api, basic, CookieJar, csrf, login, makeConsumer, start, userTokens, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => { emu = await start(); });
afterAll(async () => { await emu.close(); });
beforeEach(async () => { await emu.control("POST", "/reset"); });

interface Made { id: string; token: string; email?: string }

async function accessToken(body: Record<string, unknown>): Promise<Made> {
  const res = await emu.control("POST", "/access-tokens", { workspace: "acme", scopes: ["repository", "webhook"], expiresInDays: 90, ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Made;
}

async function apiToken(body: Record<string, unknown> = {}): Promise<Made> {
  const res = await emu.control("POST", "/api-tokens", {
    username: "alice", scopes: ["read:user:bitbucket", "read:repository:bitbucket", "read:webhook:bitbucket", "write:webhook:bitbucket"], ...body,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Made;
}

const withBasic = (path: string, user: string, token: string, init: RequestInit = {}) =>
  fetch(`${emu.apiUrl}${path}`, { ...init, headers: { ...init.headers, authorization: basic(user, token) } });

const slugs = async (res: Response) => ((await res.json()) as { values: { slug: string }[] }).values.map((r) => r.slug);

describe("access tokens", () => {
  it("a repository token reads its repository and nothing else, as Bearer", async () => {
    const t = await accessToken({ kind: "repository", repository: "api-gateway" });
    expect(t.token.startsWith("ATCTT")).toBe(true);
    expect((await api(emu, "/repositories/acme/api-gateway", t.token)).status).toBe(200);
    expect((await api(emu, "/repositories/acme/billing-service", t.token)).status).toBe(404);
    expect(await slugs(await api(emu, "/repositories/acme?pagelen=100", t.token))).toEqual(["api-gateway"]);
    expect((await api(emu, "/repositories/bigco", t.token)).status).toBe(404);
  });

  it("a project token sees its project's repositories; a workspace token the whole workspace", async () => {
    const project = await accessToken({ kind: "project", project: "DATA" });
    const data = await slugs(await api(emu, "/repositories/acme?pagelen=100", project.token));
    expect(data.sort()).toEqual(["analytics-dashboard", "data-pipeline", "etl-jobs", "ml-models", "search-indexer"]);
    const ws = await accessToken({ kind: "workspace" });
    expect((await slugs(await api(emu, "/repositories/acme?pagelen=100", ws.token))).length).toBeGreaterThan(data.length);
    expect((await api(emu, "/repositories/carol-labs", ws.token)).status).toBe(404);
  });

  it.each(["/user", "/user/emails", "/user/workspaces"])("%s answers 403: not accessible by this authentication mechanism", async (path) => {
    const t = await accessToken({ kind: "workspace" });
    const res = await api(emu, path, t.token);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ type: "error", error: { message: "This API is not accessible by this authentication mechanism" } });
  });

  it("scopes use the consumer's permission names and are enforced", async () => {
    const readOnly = await accessToken({ kind: "repository", repository: "docs", scopes: ["repository"] });
    const denied = await api(emu, "/repositories/acme/docs/hooks", readOnly.token);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { detail: { granted: ["repository"], required: ["webhook"] } } });
    const bad = await emu.control("POST", "/access-tokens", { kind: "workspace", workspace: "acme", scopes: ["account"] });
    expect(bad.status).toBe(400);
    const hooks = await accessToken({ kind: "repository", repository: "docs" });
    const created = await fetch(`${emu.apiUrl}/repositories/acme/docs/hooks`, {
      method: "POST", headers: { authorization: `Bearer ${hooks.token}`, "content-type": "application/json" },
      body: JSON.stringify({ url: "http://127.0.0.1:9/hook", events: ["repo:push"], secret: "s" }),
    });
    expect(created.status).toBe(201);
  });

  it("expires on the emulator's clock, by control switch, and when revoked (401)", async () => {
    const t = await accessToken({ kind: "workspace", expiresInDays: 2 });
    expect((await api(emu, "/repositories/acme", t.token)).status).toBe(200);
    await emu.control("POST", "/clock", { advanceSeconds: 2 * 86_400 });
    expect((await api(emu, "/repositories/acme", t.token)).status).toBe(401);
    const forever = await accessToken({ kind: "workspace", expiresInDays: null });
    await emu.control("POST", "/clock", { advanceSeconds: 400 * 86_400 });
    expect((await api(emu, "/repositories/acme", forever.token)).status).toBe(200);
    expect((await emu.control("POST", "/credentials/expire", { id: forever.id })).status).toBe(200);
    expect((await api(emu, "/repositories/acme", forever.token)).status).toBe(401);
    const other = await accessToken({ kind: "workspace" });
    await emu.control("POST", "/credentials/revoke", { id: other.id });
    expect((await api(emu, "/repositories/acme", other.token)).status).toBe(401);
    expect((await emu.control("POST", "/credentials/expire", { id: "nope" })).status).toBe(404);
  });
});

describe("scaled rate limits", () => {
  it("access tokens get X-RateLimit-* on /repositories/* and their own allowance; 429 beyond it", async () => {
    const t = await accessToken({ kind: "workspace", rateLimit: 5 });
    const other = await accessToken({ kind: "workspace", rateLimit: 5 });
    const first = await api(emu, "/repositories/acme", t.token);
    expect(first.headers.get("x-ratelimit-limit")).toBe("5");
    expect(first.headers.get("x-ratelimit-resource")).toBe("api.repositories");
    expect(first.headers.get("x-ratelimit-nearlimit")).toBe("false");
    for (let i = 0; i < 3; i++) await api(emu, "/repositories/acme/docs", t.token);
    const fifth = await api(emu, "/repositories/acme", t.token);
    expect(fifth.status).toBe(200);
    expect(fifth.headers.get("x-ratelimit-nearlimit")).toBe("true");
    const over = await api(emu, "/repositories/acme", t.token);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ error: { message: "Rate limit for this resource has been exceeded" } });
    expect((await api(emu, "/repositories/acme", other.token)).status).toBe(200);
    await emu.control("POST", "/clock", { advanceSeconds: 3601 });
    expect((await api(emu, "/repositories/acme", t.token)).status).toBe(200);
  });

  it("OAuth tokens and API tokens get no X-RateLimit-* headers", async () => {
    const consumer = await makeConsumer(emu);
    const oauth = (await userTokens(emu, consumer)).access_token;
    const res = await api(emu, "/repositories/acme", oauth);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    const a = await apiToken();
    const viaBasic = await withBasic("/repositories/acme", a.email ?? "", a.token);
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.headers.get("x-ratelimit-limit")).toBeNull();
  });
});

describe("API tokens", () => {
  it("work over Basic with the account's email; the username instead gives 401", async () => {
    const a = await apiToken();
    expect(a.token.startsWith("ATATT")).toBe(true);
    expect(a.email).toBe("alice@acme.example");
    const me = await withBasic("/user", "alice@acme.example", a.token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: "alice" });
    const byUsername = await withBasic("/user", "alice", a.token);
    expect(byUsername.status).toBe(401);
    expect(byUsername.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect((await withBasic("/user", "bob@acme.example", a.token)).status).toBe(401);
    expect((await withBasic("/user", "alice@acme.example", "ATATT-not-a-token")).status).toBe(401);
    expect((await api(emu, "/user", a.token)).status).toBe(401);
  });

  it("use Atlassian's scope names, write not implying read", async () => {
    const a = await apiToken({ scopes: ["read:repository:bitbucket", "read:webhook:bitbucket"] });
    const email = a.email ?? "";
    expect((await withBasic("/repositories/acme", email, a.token)).status).toBe(200);
    const noUser = await withBasic("/user", email, a.token);
    expect(noUser.status).toBe(403);
    expect(await noUser.json()).toMatchObject({ error: { detail: { required: ["read:user:bitbucket"] } } });
    expect((await withBasic("/repositories/acme/docs/hooks", email, a.token)).status).toBe(200);
    const write = await withBasic("/repositories/acme/docs/hooks", email, a.token, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url: "http://127.0.0.1:9/h", events: ["repo:push"] }),
    });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ error: { detail: { required: ["write:webhook:bitbucket"] } } });
    expect((await emu.control("POST", "/api-tokens", { username: "alice", scopes: ["repository"] })).status).toBe(400);
  });

  it("expire within a year, on the emulator's clock", async () => {
    expect((await emu.control("POST", "/api-tokens", { username: "alice", scopes: ["read:user:bitbucket"], expiresInDays: 366 })).status).toBe(400);
    const a = await apiToken({ expiresInDays: 30 });
    await emu.control("POST", "/clock", { advanceSeconds: 30 * 86_400 });
    expect((await withBasic("/user", a.email ?? "", a.token)).status).toBe(401);
  });
});

describe("pages to create them", () => {
  async function signedIn(user: string): Promise<CookieJar> {
    const jar = new CookieJar();
    await login(jar, emu.url, user);
    return jar;
  }

  it("repository settings → Access tokens creates a token shown once, which then works; revoke ends it", async () => {
    const jar = await signedIn("alice");
    const path = `${emu.url}/acme/docs/admin/access-tokens`;
    const page = await (await jar.fetch(path)).text();
    expect(page).toContain("Create access token");
    expect(page).toContain("Webhooks");
    const res = await jar.post(path, { csrf_token: csrf(page), name: "CI", expiry: "180", scopes: ["repository", "webhook"] });
    const created = await res.text();
    const token = /data-testid="new-token">([^<]+)</.exec(created)?.[1] ?? "";
    expect(token).toMatch(/^ATCTT/);
    expect(created).toContain("x-token-auth");
    expect((await api(emu, "/repositories/acme/docs/hooks", token)).status).toBe(200);
    const { accessTokens } = (await (await emu.control("GET", "/credentials")).json()) as { accessTokens: { id: string; expiresAt: number }[] };
    expect(accessTokens[0]?.expiresAt).toBe(emu.clock.now() + 180 * 86_400_000);
    const revoke = await jar.post(`${path}/${encodeURIComponent(accessTokens[0]?.id ?? "")}/revoke`, { csrf_token: csrf(created) });
    expect(revoke.status).toBe(302);
    expect((await api(emu, "/repositories/acme/docs", token)).status).toBe(401);
  });

  it("project and workspace pages need a workspace admin; errors name the field", async () => {
    const bob = await signedIn("bob");
    expect((await bob.fetch(`${emu.url}/acme/workspace/settings/access-tokens`)).status).toBe(403);
    const jar = await signedIn("alice");
    const path = `${emu.url}/acme/workspace/projects/CORE/settings/access-tokens`;
    const page = await (await jar.fetch(path)).text();
    expect(page).toContain("Project settings");
    const res = await jar.post(path, { csrf_token: csrf(page), name: "", expiry: "custom", expiryDate: "2020-01-01" });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('id="token_name-error"');
    expect(body).toContain("The expiry date must be in the future.");
    expect(body).toContain("Choose at least one scope.");
    expect((await new CookieJar().fetch(path)).status).toBe(302);
  });

  it("Atlassian account → API tokens: scopes by Atlassian name, expiry at most a year, the email to use", async () => {
    const jar = await signedIn("carol");
    const path = `${emu.url}/account/settings/api-tokens`;
    const page = await (await jar.fetch(path)).text();
    expect(page).toContain("read:repository:bitbucket");
    const tooLate = await jar.post(path, { csrf_token: csrf(page), name: "x", expiry: "custom", expiryDate: "2030-01-01", scopes: "read:user:bitbucket" });
    expect(await tooLate.text()).toContain("An API token expires within one year.");
    const res = await jar.post(path, { csrf_token: csrf(page), name: "deploy", expiry: "365", scopes: ["read:user:bitbucket", "read:repository:bitbucket"] });
    const created = await res.text();
    const token = /data-testid="new-token">([^<]+)</.exec(created)?.[1] ?? "";
    expect(created).toContain("carol@carol-labs.example");
    expect((await withBasic("/user", "carol@carol-labs.example", token)).status).toBe(200);
  });
});
