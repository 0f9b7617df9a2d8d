import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, makeConsumer, start, tokenRequest, userTokens, type ConsumerJson, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
let consumer: ConsumerJson;
let alice: string;
let bob: string;
let carol: string;

beforeAll(async () => {
  emu = await start();
  consumer = await makeConsumer(emu, { scopes: ["account", "email", "repository"] });
  alice = (await userTokens(emu, consumer, "alice")).access_token;
  bob = (await userTokens(emu, consumer, "bob")).access_token;
  carol = (await userTokens(emu, consumer, "carol")).access_token;
});
afterAll(async () => { await emu.close(); });

interface Page<T> { size: number; page: number; pagelen: number; next?: string; previous?: string; values: T[] }
interface Repo { full_name: string; slug: string; name: string; is_private: boolean; updated_on: string; [k: string]: unknown }

async function getJson<T>(path: string, token: string): Promise<{ status: number; body: T }> {
  const res = await api(emu, path, token);
  return { status: res.status, body: (await res.json()) as T };
}

describe("account endpoints", () => {
  it("GET /user returns the user without email", async () => {
    const { status, body } = await getJson<Record<string, unknown>>("/user", alice);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      type: "user", username: "alice", nickname: "alice", display_name: "Alice Anderson", account_status: "active",
    });
    expect(body.uuid).toMatch(/^\{[0-9a-f-]{36}\}$/);
    expect(body.account_id).toMatch(/^[0-9a-f]{24}$/);
    expect(JSON.stringify(body)).not.toContain("@");
    const avatar = await fetch((body.links as { avatar: { href: string } }).avatar.href);
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get("content-type")).toBe("image/svg+xml");
  });

  it("GET /user/emails is paged and has exactly one primary confirmed address", async () => {
    const { body } = await getJson<Page<{ email: string; is_primary: boolean; is_confirmed: boolean; type: string }>>("/user/emails", alice);
    expect(body.values).toHaveLength(3);
    expect(body.values.every((e) => e.type === "email")).toBe(true);
    expect(body.values.filter((e) => e.is_primary && e.is_confirmed).map((e) => e.email)).toEqual(["alice@acme.example"]);
    expect(body.values.some((e) => !e.is_confirmed)).toBe(true);
  });

  it("GET /user/workspaces lists workspace_access with the admin flag", async () => {
    const { body } = await getJson<Page<{ type: string; administrator: boolean; workspace: { type: string; slug: string; uuid: string } }>>("/user/workspaces", alice);
    expect(body.values.map((v) => [v.workspace.slug, v.administrator])).toEqual([["acme", true], ["bigco", false]]);
    expect(body.values[0]?.type).toBe("workspace_access");
    expect(body.values[0]?.workspace.type).toBe("workspace_base");
    const bobs = await getJson<Page<{ administrator: boolean }>>("/user/workspaces", bob);
    expect(bobs.body.values.map((v) => v.administrator)).toEqual([false]);
  });
});

describe("GET /repositories/{workspace}", () => {
  it("follows next across all pages of acme and sees every repository once", async () => {
    const seen: string[] = [];
    let url: string | undefined = `${emu.apiUrl}/repositories/acme`;
    let pages = 0;
    let previousSeen = false;
    while (url) {
      const res = await api(emu, url, alice);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Page<Repo>;
      pages++;
      expect(body.pagelen).toBe(10);
      expect(body.size).toBe(25);
      if (body.previous) previousSeen = true;
      seen.push(...body.values.map((r) => r.full_name));
      url = body.next;
    }
    expect(pages).toBe(3);
    expect(previousSeen).toBe(true);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it("returns complete repository objects", async () => {
    const { body } = await getJson<Page<Repo>>(`/repositories/acme?q=${encodeURIComponent('slug = "api-gateway"')}`, alice);
    expect(body.values).toHaveLength(1);
    const r = body.values[0] as Record<string, any>;
    expect(r).toMatchObject({
      type: "repository", full_name: "acme/api-gateway", slug: "api-gateway", name: "API Gateway", is_private: true, scm: "git",
      mainbranch: { type: "branch", name: "main" }, project: { type: "project", key: "CORE", name: "Core platform" },
      workspace: { type: "workspace", slug: "acme" },
    });
    expect(r.uuid).toMatch(/^\{.+\}$/);
    expect(r.links.html.href).toBe(`${emu.url}/acme/api-gateway`);
    expect(r.links.clone.map((c: { name: string }) => c.name)).toEqual(["https", "ssh"]);
    for (const k of ["created_on", "updated_on", "description", "language", "size"]) expect(r[k]).toBeDefined();
  });

  it("keeps the query in next links", async () => {
    const { body } = await getJson<Page<Repo>>("/repositories/bigco?pagelen=100&sort=name&q=is_private%20%3D%20false", alice);
    const next = new URL(body.next ?? "");
    expect(next.origin).toBe(emu.url);
    expect(next.searchParams.get("sort")).toBe("name");
    expect(next.searchParams.get("q")).toBe("is_private = false");
    expect(next.searchParams.get("pagelen")).toBe("100");
    expect(next.searchParams.get("page")).toBe("2");
    expect(body.size).toBe(500);
  });

  it("filters with q (~, =, AND, is_private) case-insensitively", async () => {
    const q = async (expr: string) => (await getJson<Page<Repo>>(`/repositories/acme?pagelen=100&q=${encodeURIComponent(expr)}`, alice)).body.values.map((r) => r.slug).sort();
    expect(await q('name ~ "API"')).toEqual(["api-docs", "api-gateway", "payments-api"]);
    expect(await q('name = "docs"')).toEqual(["docs"]);
    expect(await q('full_name ~ "acme/sdk"')).toEqual(["sdk-js", "sdk-python"]);
    expect(await q('name ~ "api" AND is_private = false')).toEqual(["api-docs"]);
    expect((await q("is_private = true")).length + (await q("is_private = false")).length).toBe(25);
  });

  it("answers a malformed q with a 400 error body", async () => {
    for (const expr of ['name ~ "api', 'name ~', "nonsense = 1", 'name ~ "a" AND']) {
      const res = await api(emu, `/repositories/acme?q=${encodeURIComponent(expr)}`, alice);
      expect(res.status, expr).toBe(400);
      const body = await res.json();
      expect(body.type).toBe("error");
      expect(typeof body.error.message).toBe("string");
    }
  });

  it("sorts by name, and by -updated_on", async () => {
    const byName = (await getJson<Page<Repo>>("/repositories/acme?pagelen=100&sort=name", alice)).body.values.map((r) => r.name.toLowerCase());
    expect(byName).toEqual([...byName].sort());
    const byUpdated = (await getJson<Page<Repo>>("/repositories/acme?pagelen=100&sort=-updated_on", alice)).body.values.map((r) => r.updated_on);
    expect(byUpdated).toEqual([...byUpdated].sort().reverse());
    expect((await api(emu, "/repositories/acme?sort=color", alice)).status).toBe(400);
  });

  it("rejects pagelen over 100 with 400", async () => {
    const res = await api(emu, "/repositories/acme?pagelen=101", alice);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe("Invalid pagelen");
    expect((await api(emu, "/repositories/acme?pagelen=100", alice)).status).toBe(200);
  });

  it("answers 404 for an unknown workspace and one the user cannot see", async () => {
    for (const [path, token] of [["/repositories/nope", alice], ["/repositories/acme", carol]] as const) {
      const res = await api(emu, path, token);
      expect(res.status).toBe(404);
      const body = await res.json();
      expect(body.type).toBe("error");
      expect(body.error.message).toMatch(/workspace/);
    }
  });

  it("filters by role", async () => {
    const count = async (token: string, role: string) => (await getJson<Page<Repo>>(`/repositories/acme?role=${role}`, token)).body.size;
    expect(await count(alice, "admin")).toBe(25);
    expect(await count(bob, "member")).toBe(25);
    expect(await count(bob, "admin")).toBe(0);
    expect(await count(bob, "contributor")).toBe(9);
    expect((await api(emu, "/repositories/acme?role=king", alice)).status).toBe(400);
  });

  it("serves bigco's 1,500 repositories with search", async () => {
    const { body } = await getJson<Page<Repo>>(`/repositories/bigco?pagelen=100&page=15&q=${encodeURIComponent('name ~ "-"')}`, alice);
    expect(body.size).toBe(1500);
    expect(body.values).toHaveLength(100);
    expect(body.next).toBeUndefined();
    const search = await getJson<Page<Repo>>(`/repositories/bigco?q=${encodeURIComponent('name ~ "falcon-api"')}`, alice);
    expect(search.body.size).toBe(10);
  });
});

describe("authentication and scopes", () => {
  it("401 without a token, with an unknown token and with a query-string token", async () => {
    for (const res of [
      await api(emu, "/user"),
      await api(emu, "/user", "not-a-token"),
      await fetch(`${emu.apiUrl}/user?access_token=${alice}`),
    ]) {
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.type).toBe("error");
      expect(typeof body.error.message).toBe("string");
    }
  });

  it("403 with granted and required scopes when a scope is missing", async () => {
    const narrow = await makeConsumer(emu, { name: "Narrow", scopes: ["account"] });
    const t = (await userTokens(emu, narrow)).access_token;
    const res = await api(emu, "/repositories/acme", t);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      type: "error",
      error: { message: "Your credentials lack one or more required privilege scopes.", detail: { granted: ["account"], required: ["repository"] } },
    });
    expect((await api(emu, "/user/emails", t)).status).toBe(403);
  });

  it("applies implied scopes: pullrequest grants repository", async () => {
    const pr = await makeConsumer(emu, { name: "PR", scopes: ["pullrequest"], isPrivate: true });
    const body = await (await tokenRequest(emu, { grant_type: "client_credentials" }, pr)).json();
    expect((await api(emu, "/repositories/acme", body.access_token)).status).toBe(200);
  });

  it("client-credentials tokens cannot read /user (strict reading)", async () => {
    const cc = await makeConsumer(emu, { name: "CC", isPrivate: true });
    const body = await (await tokenRequest(emu, { grant_type: "client_credentials" }, cc)).json();
    const res = await api(emu, "/user", body.access_token);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe("Token is invalid, expired, or not supported for this endpoint.");
  });

  it("410 on deprecated endpoints", async () => {
    for (const path of ["/workspaces", "/user/permissions/workspaces", "/repositories"]) {
      const res = await api(emu, path, alice);
      expect(res.status, path).toBe(410);
      const body = await res.json();
      expect(body.type).toBe("error");
      expect(body.error.message).toBe("Functionality has been deprecated");
    }
  });

  it("answers an access token past its lifetime with the expired message", async () => {
    const c = await makeConsumer(emu, { name: "Clock" });
    const t = (await userTokens(emu, c)).access_token;
    expect((await api(emu, "/user", t)).status).toBe(200);
    emu.clock.advance(7200 * 1000);
    const res = await api(emu, "/user", t);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe("Access token expired. Use your refresh token to obtain a new access token.");
    emu.clock.advance(-7200 * 1000);
  });
});
