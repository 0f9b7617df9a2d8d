import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeConsumer, start, tokenRequest, type TestEmulator } from "./helpers.js";
import { apiCall, webhookTokens, type Tokens } from "./webhook-helpers.js";

let emu: TestEmulator;
let t: Tokens;
const dir = mkdtempSync(join(tmpdir(), "bbemu-hooks-"));

beforeAll(async () => {
  emu = await start();
  t = await webhookTokens(emu);
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  for (const h of (await (await emu.control("GET", "/hooks")).json()).hooks) {
    await apiCall(emu, "DELETE", `/repositories/${h.repository}/hooks/${encodeURIComponent(h.uuid)}`, t.alice);
  }
});

const HOOKS = "/repositories/acme/api-gateway/hooks";
const SECRET = "s3cret-value-that-must-never-leak";
const body = (over: Record<string, unknown> = {}) => ({
  description: "CI", url: "http://127.0.0.1:9/bitbucket", active: true, events: ["repo:push", "pullrequest:created"], ...over,
});

async function create(over: Record<string, unknown> = {}, token = t.alice, path = HOOKS): Promise<Response> {
  return apiCall(emu, "POST", path, token, body(over));
}

describe("hooks API: create, list, get, update, delete", () => {
  it("creates a hook and answers 201 with the subscription, never the secret", async () => {
    const res = await create({ secret: SECRET });
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    const hook = JSON.parse(text);
    expect(hook).toMatchObject({
      type: "webhook_subscription", url: "http://127.0.0.1:9/bitbucket", description: "CI", subject_type: "repository",
      subject: { type: "repository", full_name: "acme/api-gateway", name: "API Gateway" },
      active: true, events: ["repo:push", "pullrequest:created"], secret_set: true,
    });
    expect(hook.uuid).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    expect(hook.subject.uuid).toMatch(/^\{.+\}$/);
    expect(hook.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(hook).not.toHaveProperty("secret");
    expect(res.headers.get("location")).toBe(hook.links.self.href);
  });

  it("defaults description and active, dedupes events, and treats an empty secret as none", async () => {
    const res = await apiCall(emu, "POST", HOOKS, t.alice, { url: "https://hooks.example/x", events: ["repo:push", "repo:push"], secret: "" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ description: "", active: true, events: ["repo:push"], secret_set: false });
  });

  it("lists hooks in a paged envelope", async () => {
    const a = await (await create({ description: "one", secret: SECRET })).json();
    const b = await (await create({ description: "two" })).json();
    await create({ description: "elsewhere" }, t.alice, "/repositories/acme/docs/hooks");
    const res = await apiCall(emu, "GET", HOOKS, t.alice);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    const page = JSON.parse(text);
    expect(page).toMatchObject({ size: 2, page: 1, pagelen: 10 });
    expect(page.values.map((h: { uuid: string }) => h.uuid)).toEqual([a.uuid, b.uuid]);
    const small = await (await apiCall(emu, "GET", `${HOOKS}?pagelen=1`, t.alice)).json();
    expect(small.values).toHaveLength(1);
    expect(small.next).toContain("page=2");
  });

  it("gets a hook by uuid with braces, without braces and with URL-encoded braces", async () => {
    const hook = await (await create({ secret: SECRET })).json();
    const bare = hook.uuid.slice(1, -1);
    for (const uid of [hook.uuid, bare, encodeURIComponent(hook.uuid), bare.toUpperCase()]) {
      const res = await apiCall(emu, "GET", `${HOOKS}/${uid}`, t.alice);
      expect(res.status, uid).toBe(200);
      const text = await res.text();
      expect(text).not.toContain(SECRET);
      expect(JSON.parse(text).uuid).toBe(hook.uuid);
    }
  });

  it("updates with PUT: replaces the given fields, keeps the secret unless given, secret null removes it", async () => {
    const hook = await (await create({ secret: SECRET })).json();
    const path = `${HOOKS}/${encodeURIComponent(hook.uuid)}`;
    const res = await apiCall(emu, "PUT", path, t.alice, { description: "Deploys", url: "https://ci.example/hook", active: false, events: ["pullrequest:fulfilled"] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      uuid: hook.uuid, description: "Deploys", url: "https://ci.example/hook", active: false, events: ["pullrequest:fulfilled"], secret_set: true,
    });
    const cleared = await apiCall(emu, "PUT", path, t.alice, { secret: null });
    expect((await cleared.json()).secret_set).toBe(false);
    const reset = await apiCall(emu, "PUT", path, t.alice, { secret: "another" });
    const text = await reset.text();
    expect(text).not.toContain("another");
    expect(JSON.parse(text)).toMatchObject({ secret_set: true, description: "Deploys" });
  });

  it("deletes with 204 and an empty body; afterwards the hook is 404", async () => {
    const hook = await (await create()).json();
    const path = `${HOOKS}/${encodeURIComponent(hook.uuid)}`;
    const res = await apiCall(emu, "DELETE", path, t.alice);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    for (const method of ["GET", "PUT", "DELETE"]) {
      const gone = await apiCall(emu, method, path, t.alice, method === "PUT" ? { active: false } : undefined);
      expect(gone.status, method).toBe(404);
      expect(await gone.json()).toEqual({
        type: "error", error: { message: "Webhook not found", detail: `There is no webhook ${hook.uuid} on acme/api-gateway.` },
      });
    }
  });

  it("answers 404 for a hook of another repository and for a malformed uid", async () => {
    const hook = await (await create()).json();
    expect((await apiCall(emu, "GET", `/repositories/acme/docs/hooks/${encodeURIComponent(hook.uuid)}`, t.alice)).status).toBe(404);
    expect((await apiCall(emu, "GET", `${HOOKS}/not-a-uuid`, t.alice)).status).toBe(404);
  });
});

describe("hooks API: validation", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["relative url", { url: "/hook" }, "url: must be an absolute http:// or https:// URL"],
    ["ftp url", { url: "ftp://files.example/x" }, "url: must be an absolute http:// or https:// URL"],
    ["missing url", { url: undefined }, "url: is required"],
    ["no events", { events: [] }, "events: must name at least one event"],
    ["missing events", { events: undefined }, "events: is required"],
    ["unknown event", { events: ["repo:push", "repo:pushed"] }, 'events.1: unknown event "repo:pushed"'],
    ["long secret", { secret: "x".repeat(129) }, "secret: must be at most 128 characters"],
    ["long description", { description: "d".repeat(256) }, "description: must be at most 255 characters"],
    ["active not boolean", { active: "yes" }, "active: must be true or false"],
  ];
  for (const [name, over, message] of cases) {
    it(`400 naming the field: ${name}`, async () => {
      const res = await create(over);
      expect(res.status).toBe(400);
      const b = await res.json();
      expect(b.type).toBe("error");
      expect(b.error.message).toContain(message);
      expect(Object.keys(b.error.fields)).toEqual([message.split(/[.:]/)[0]]);
    });
  }

  it("accepts the limits exactly, and loopback URLs", async () => {
    const res = await create({ secret: "x".repeat(128), description: "d".repeat(255), url: "http://localhost:3000/api/webhooks/bitbucket" });
    expect(res.status).toBe(201);
  });

  it("400 for a body that is not a JSON object, and for a bad PUT", async () => {
    for (const raw of ["not json", "[]", ""]) {
      const res = await apiCall(emu, "POST", HOOKS, t.alice, raw);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/^Invalid webhook: the request body must be a JSON object/);
    }
    const hook = await (await create()).json();
    const res = await apiCall(emu, "PUT", `${HOOKS}/${encodeURIComponent(hook.uuid)}`, t.alice, { events: ["nope"] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.events[0]).toContain('unknown event "nope"');
  });
});

describe("hooks API: permissions", () => {
  it("a workspace member (bob) reads hooks but gets 403 on POST, PUT and DELETE", async () => {
    const hook = await (await create()).json();
    const forbidden = { type: "error", error: { message: "Access denied. You must have admin access to this repository to manage its webhooks." } };
    const post = await create({}, t.bob);
    expect(post.status).toBe(403);
    expect(await post.json()).toEqual(forbidden);
    const path = `${HOOKS}/${encodeURIComponent(hook.uuid)}`;
    const put = await apiCall(emu, "PUT", path, t.bob, { active: false });
    expect(put.status).toBe(403);
    expect(await put.json()).toEqual(forbidden);
    expect((await apiCall(emu, "DELETE", path, t.bob)).status).toBe(403);
    expect((await apiCall(emu, "GET", HOOKS, t.bob)).status).toBe(200);
    expect((await apiCall(emu, "GET", path, t.bob)).status).toBe(200);
  });

  it("403 with granted and required scopes for a token without webhook", async () => {
    const plain = await webhookTokens(emu, ["account", "repository"]);
    const res = await create({}, plain.alice);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      type: "error",
      error: { message: "Your credentials lack one or more required privilege scopes.", detail: { granted: ["account", "repository"], required: ["webhook"] } },
    });
    expect((await apiCall(emu, "GET", HOOKS, plain.alice)).status).toBe(403);
  });

  it("also needs read access to repositories (scope repository, implied by pullrequest)", async () => {
    const hookOnly = await webhookTokens(emu, ["webhook"]);
    const res = await apiCall(emu, "GET", HOOKS, hookOnly.alice);
    expect(res.status).toBe(403);
    expect((await res.json()).error.detail).toEqual({ granted: ["webhook"], required: ["repository"] });
    const viaPr = await webhookTokens(emu, ["webhook", "pullrequest"]);
    expect((await apiCall(emu, "GET", HOOKS, viaPr.alice)).status).toBe(200);
  });

  it("404 for unknown repositories and repositories the user cannot see", async () => {
    const unknown = await apiCall(emu, "GET", "/repositories/acme/nope/hooks", t.alice);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ type: "error", error: { message: "Repository acme/nope not found" } });
    expect((await create({}, t.carol)).status).toBe(404);
  });

  it("401 without a token", async () => {
    const res = await fetch(`${emu.apiUrl}${HOOKS}`);
    expect(res.status).toBe(401);
  });

  it("a client-credentials token administers its own workspace's hooks only", async () => {
    const c = await makeConsumer(emu, { name: "CC hooks", scopes: ["repository", "webhook"], isPrivate: true });
    const token = (await (await tokenRequest(emu, { grant_type: "client_credentials" }, c)).json()).access_token;
    expect((await create({}, token)).status).toBe(201);
    expect((await create({}, token, "/repositories/carol-labs/dotfiles/hooks")).status).toBe(404);
  });
});

describe("hooks in the control API and the state file", () => {
  it("GET /_emulator/hooks lists every hook without secrets; reset removes them", async () => {
    await create({ secret: SECRET });
    await create({}, t.alice, "/repositories/acme/docs/hooks");
    const res = await emu.control("GET", "/hooks");
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    const { hooks } = JSON.parse(text);
    expect(hooks.map((h: { repository: string }) => h.repository).sort()).toEqual(["acme/api-gateway", "acme/docs"]);
    expect(hooks.find((h: { repository: string }) => h.repository === "acme/api-gateway").secret_set).toBe(true);
    const fresh = await start();
    try {
      const tokens = await webhookTokens(fresh);
      await apiCall(fresh, "POST", HOOKS, tokens.alice, body());
      expect((await (await fresh.control("GET", "/hooks")).json()).hooks).toHaveLength(1);
      await fresh.control("POST", "/reset");
      expect((await (await fresh.control("GET", "/hooks")).json()).hooks).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it("persists hooks (with their secret) in the state file across a restart", async () => {
    const stateFile = join(dir, "state.json");
    const first = await start({ stateFile });
    const tokens = await webhookTokens(first);
    const hook = await (await apiCall(first, "POST", HOOKS, tokens.alice, body({ secret: SECRET }))).json();
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, "utf8")).hooks[0]).toMatchObject({ uuid: hook.uuid, secret: SECRET });

    const second = await start({ stateFile });
    try {
      const res = await apiCall(second, "GET", `${HOOKS}/${encodeURIComponent(hook.uuid)}`, tokens.alice);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ uuid: hook.uuid, secret_set: true, events: ["repo:push", "pullrequest:created"] });
    } finally {
      await second.close();
    }
  });
});
