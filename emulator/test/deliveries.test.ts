import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CookieJar, csrf, login, start, type TestEmulator } from "./helpers.js";
import { apiCall, settled, startReceiver, webhookTokens, type Receiver, type Tokens } from "./webhook-helpers.js";

let emu: TestEmulator;
let t: Tokens;
const receivers: Receiver[] = [];

beforeAll(async () => {
  emu = await start();
  t = await webhookTokens(emu);
});
afterAll(async () => { await emu.close(); });
beforeEach(async () => {
  for (const h of (await (await emu.control("GET", "/hooks")).json()).hooks) {
    await apiCall(emu, "DELETE", `/repositories/${h.repository}/hooks/${encodeURIComponent(h.uuid)}`, t.alice);
  }
  await emu.control("DELETE", "/deliveries");
  await emu.control("PUT", "/settings", { webhookTimeoutMs: 300, webhookRetryDelayMs: 10 });
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const REPO = "acme/api-gateway";
const SECRET = "webhook-secret-123";

async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

async function hook(url: string, over: Record<string, unknown> = {}, repo = REPO): Promise<{ uuid: string }> {
  const res = await apiCall(emu, "POST", `/repositories/${repo}/hooks`, t.alice, {
    description: "test", url, active: true, events: ["repo:push", "pullrequest:created", "pullrequest:updated", "pullrequest:fulfilled", "pullrequest:rejected"], ...over,
  });
  if (res.status !== 201) throw new Error(`hook create: ${res.status} ${await res.text()}`);
  return res.json();
}

async function push(body: Record<string, unknown> = {}, repo = REPO) {
  const res = await emu.control("POST", `/repositories/${repo}/push`, body);
  return { status: res.status, body: await res.json() };
}

async function pr(body: Record<string, unknown>, repo = REPO) {
  const res = await emu.control("POST", `/repositories/${repo}/pullrequests`, body);
  return { status: res.status, body: await res.json() };
}

const bare = (uuid: string) => uuid.replace(/[{}]/g, "");

describe("repo:push deliveries", () => {
  it("delivers a signed push whose signature verifies against the raw body", async () => {
    const r = await receiver();
    const h = await hook(r.url, { secret: SECRET });
    const res = await push({ message: "Fix the build" });
    expect(res.status).toBe(202);
    expect(res.body.events).toHaveLength(1);
    const [event] = res.body.events;
    expect(event).toEqual({ hookUuid: h.uuid, requestUuid: expect.stringMatching(/^[0-9a-f-]{36}$/), eventKey: "repo:push" });

    const [delivery] = await settled(emu, 1);
    expect(delivery).toMatchObject({ requestUuid: event.requestUuid, hookUuid: h.uuid, eventKey: "repo:push", url: r.url, finished: true });
    expect(delivery?.attempts).toEqual([{ number: 1, at: expect.any(String), status: 200, error: null, durationMs: expect.any(Number) }]);
    expect(r.requests).toHaveLength(1);
    const { headers, body } = r.requests[0]!;
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["user-agent"]).toBe("Bitbucket-Webhooks/2.0");
    expect(headers["x-event-key"]).toBe("repo:push");
    expect(headers["x-hook-uuid"]).toBe(bare(h.uuid));
    expect(headers["x-request-uuid"]).toBe(event.requestUuid);
    expect(headers["x-attempt-number"]).toBe("1");
    const expected = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
    expect(headers["x-hub-signature"]).toBe(expected);
    expect(`sha256=${createHmac("sha256", "wrong").update(body).digest("hex")}`).not.toBe(expected);

    const payload = JSON.parse(body.toString("utf8"));
    const change = payload.push.changes[0];
    expect(change).toMatchObject({
      new: { type: "branch", name: "main", target: { type: "commit", message: "Fix the build", author: { raw: "Alice Anderson <alice@acme.example>", user: { nickname: "alice" } } } },
      old: { type: "branch", name: "main", target: { type: "commit", message: "Initial commit" } },
      created: false, forced: false, closed: false, truncated: false,
    });
    expect(change.new.target.hash).toMatch(/^[0-9a-f]{40}$/);
    expect(change.new.target.hash).toBe(res.body.commits[0]);
    expect(change.new.target.parents[0].hash).toBe(change.old.target.hash);
    expect(change.commits.map((c: { hash: string }) => c.hash)).toEqual([change.new.target.hash]);
    expect(payload.actor).toMatchObject({ type: "user", display_name: "Alice Anderson", nickname: "alice", uuid: expect.stringMatching(/^\{/) });
    expect(payload.repository).toMatchObject({ type: "repository", full_name: REPO, name: "API Gateway", links: { html: { href: `${emu.url}/${REPO}` } } });
    expect(JSON.stringify(payload)).not.toContain(SECRET);
  });

  it("sends no X-Hub-Signature when the hook has no secret", async () => {
    const r = await receiver();
    await hook(r.url);
    await push();
    await settled(emu, 1);
    expect(r.requests[0]?.headers["x-hub-signature"]).toBeUndefined();
    expect(r.requests[0]?.headers["x-event-key"]).toBe("repo:push");
  });

  it("chains commits: a later push's old is the earlier head; new branches are created; over 5 commits is truncated", async () => {
    const r = await receiver();
    await hook(r.url);
    const first = await push({ author: "bob" });
    const second = await push({ commits: 7, message: "Batch" });
    const third = await push({ branch: "feature/x" });
    await settled(emu, 3);
    const [p1, p2, p3] = r.requests.map((q) => JSON.parse(q.body.toString("utf8")).push.changes[0]);
    expect(p1.new.target.author.user.nickname).toBe("bob");
    expect(p2.old.target.hash).toBe(first.body.commits[0]);
    expect(p2.new.target.hash).toBe(second.body.commits[6]);
    expect(p2.commits).toHaveLength(5);
    expect(p2.truncated).toBe(true);
    expect(p2.commits[0].message).toBe("Batch (7/7)");
    expect(p3).toMatchObject({ new: { name: "feature/x" }, old: null, created: true });
    expect(new Set([...first.body.commits, ...second.body.commits, ...third.body.commits]).size).toBe(9);
  });

  it("never blocks the trigger: the request answers while the receiver is still silent", async () => {
    const r = await receiver(() => "hang");
    await hook(r.url);
    const res = await push();
    expect(res.status).toBe(202);
    const { deliveries } = await (await emu.control("GET", "/deliveries")).json();
    expect(deliveries[0].finished).toBe(false);
    await emu.control("DELETE", "/deliveries");
  });
});

describe("retries", () => {
  it("retries a 5xx: 500, 500, 200 → exactly 3 attempts with one X-Request-UUID", async () => {
    const r = await receiver((n) => (n < 3 ? 500 : 200));
    const h = await hook(r.url, { secret: SECRET });
    const { body } = await push();
    const [delivery] = await settled(emu, 1, h.uuid);
    expect(delivery?.attempts.map((a) => [a.number, a.status])).toEqual([[1, 500], [2, 500], [3, 200]]);
    expect(r.requests.map((q) => q.headers["x-attempt-number"])).toEqual(["1", "2", "3"]);
    expect(new Set(r.requests.map((q) => q.headers["x-request-uuid"]))).toEqual(new Set([body.events[0].requestUuid]));
    expect(new Set(r.requests.map((q) => q.headers["x-hub-signature"])).size).toBe(1);
  });

  it("gives up after 3 attempts of 5xx", async () => {
    const r = await receiver(() => 503);
    await hook(r.url);
    await push();
    const [delivery] = await settled(emu, 1);
    expect(delivery?.attempts.map((a) => a.status)).toEqual([503, 503, 503]);
    expect(r.requests).toHaveLength(3);
  });

  it("does not retry a 4xx", async () => {
    const r = await receiver(() => 400);
    await hook(r.url);
    await push();
    const [delivery] = await settled(emu, 1);
    expect(delivery?.attempts.map((a) => a.status)).toEqual([400]);
    await new Promise((res) => setTimeout(res, 50));
    expect(r.requests).toHaveLength(1);
  });

  it("retries a receiver that never answers within the timeout, then finishes", async () => {
    await emu.control("PUT", "/settings", { webhookTimeoutMs: 80 });
    const r = await receiver(() => "hang");
    await hook(r.url);
    await push();
    const [delivery] = await settled(emu, 1);
    expect(delivery?.attempts).toHaveLength(3);
    for (const a of delivery?.attempts ?? []) {
      expect(a.status).toBeNull();
      expect(a.error).toBe("no response within 80 ms");
      expect(a.durationMs).toBeGreaterThanOrEqual(70);
    }
    expect(r.requests.map((q) => q.headers["x-attempt-number"])).toEqual(["1", "2", "3"]);
  });

  it("treats a refused connection like no response", async () => {
    const r = await receiver();
    const url = r.url;
    await r.close();
    await hook(url);
    await push();
    const [delivery] = await settled(emu, 1);
    expect(delivery?.attempts).toHaveLength(3);
    expect(delivery?.attempts[0]?.error).toMatch(/ECONNREFUSED/);
  });

  it("settings: webhook values are readable, validated and reset", async () => {
    const s = await (await emu.control("GET", "/settings")).json();
    expect(s).toMatchObject({ webhookTimeoutMs: 300, webhookRetryDelayMs: 10 });
    expect((await emu.control("PUT", "/settings", { webhookTimeoutMs: 0 })).status).toBe(400);
    const other = await start();
    try {
      expect(await (await other.control("GET", "/settings")).json()).toMatchObject({ webhookTimeoutMs: 10000, webhookRetryDelayMs: 2000 });
      await other.control("PUT", "/settings", { webhookTimeoutMs: 5 });
      await other.control("POST", "/reset");
      expect((await (await other.control("GET", "/settings")).json()).webhookTimeoutMs).toBe(10000);
    } finally {
      await other.close();
    }
  });
});

describe("who gets what", () => {
  it("an inactive hook or one not subscribed to the event gets nothing", async () => {
    const good = await receiver();
    const inactive = await receiver();
    const unsubscribed = await receiver();
    const other = await receiver();
    const h = await hook(good.url, { events: ["repo:push"] });
    await hook(inactive.url, { active: false });
    await hook(unsubscribed.url, { events: ["pullrequest:created"] });
    await hook(other.url, {}, "acme/docs");
    const { body } = await push();
    expect(body.events.map((e: { hookUuid: string }) => e.hookUuid)).toEqual([h.uuid]);
    await settled(emu, 1);
    expect([good, inactive, unsubscribed, other].map((x) => x.requests.length)).toEqual([1, 0, 0, 0]);
  });

  it("deleting a hook stops deliveries; switching it off too", async () => {
    const r = await receiver();
    const h = await hook(r.url);
    const path = `/repositories/${REPO}/hooks/${encodeURIComponent(h.uuid)}`;
    await apiCall(emu, "PUT", path, t.alice, { active: false });
    expect((await push()).body.events).toEqual([]);
    await apiCall(emu, "PUT", path, t.alice, { active: true });
    expect((await push()).body.events).toHaveLength(1);
    await settled(emu, 1);
    expect((await apiCall(emu, "DELETE", path, t.alice)).status).toBe(204);
    expect((await push()).body.events).toEqual([]);
    await new Promise((res) => setTimeout(res, 30));
    expect(r.requests).toHaveLength(1);
  });

  it("stops retrying when the hook is deleted meanwhile", async () => {
    await emu.control("PUT", "/settings", { webhookRetryDelayMs: 150 });
    const r = await receiver(() => 500);
    const h = await hook(r.url);
    await push();
    const deadline = Date.now() + 3000;
    while (r.requests.length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 5));
    await apiCall(emu, "DELETE", `/repositories/${REPO}/hooks/${encodeURIComponent(h.uuid)}`, t.alice);
    const [delivery] = await settled(emu, 1);
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500]);
    expect(r.requests).toHaveLength(1);
  });

  it("skips payloads over 256 KB and records that", async () => {
    const r = await receiver();
    const h = await hook(r.url);
    const { status, body } = await push({ message: "x".repeat(270_000) });
    expect(status).toBe(202);
    const deliveries = await settled(emu, 1);
    expect(deliveries).toEqual([{
      requestUuid: body.events[0].requestUuid, hookUuid: h.uuid, eventKey: "repo:push", repository: REPO, url: r.url,
      createdAt: expect.any(String), attempts: [], finished: true, skipped: "payload too large",
    }]);
    expect(r.requests).toHaveLength(0);
  });
});

describe("pull request deliveries", () => {
  it("carries the pull request fields through created, updated and fulfilled", async () => {
    const r = await receiver();
    await hook(r.url);
    const created = await pr({ action: "created", title: "Add retries", source: "feature/retries", author: "bob" });
    expect(created.status).toBe(202);
    expect(created.body.pullrequest).toEqual({ id: 1, state: "OPEN" });
    expect(created.body.events[0].eventKey).toBe("pullrequest:created");
    await pr({ action: "updated", title: "Add retries (v2)" });
    await pr({ action: "fulfilled" });
    await settled(emu, 3);
    expect(r.requests.map((q) => q.headers["x-event-key"])).toEqual(["pullrequest:created", "pullrequest:updated", "pullrequest:fulfilled"]);
    const [c, u, f] = r.requests.map((q) => JSON.parse(q.body.toString("utf8")));
    expect(c.pullrequest).toMatchObject({
      type: "pullrequest", id: 1, title: "Add retries", state: "OPEN",
      source: { branch: { name: "feature/retries" } }, destination: { branch: { name: "main" } },
      author: { display_name: "Bob Baker", nickname: "bob" },
      links: { html: { href: `${emu.url}/${REPO}/pull-requests/1` } },
    });
    expect(c.actor.nickname).toBe("bob");
    expect(c.repository.full_name).toBe(REPO);
    expect(c.pullrequest.source.commit.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(u.pullrequest).toMatchObject({ id: 1, title: "Add retries (v2)", state: "OPEN" });
    expect(f.pullrequest).toMatchObject({ id: 1, state: "MERGED", closed_by: { nickname: "alice" } });
    expect(f.pullrequest.merge_commit.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it("declines with rejected, numbers pull requests, and refuses changes to closed ones", async () => {
    const r = await receiver();
    const repo = "acme/web-frontend";
    await hook(r.url, {}, repo);
    await pr({ action: "created" }, repo);
    const second = await pr({ action: "created", destination: "develop" }, repo);
    expect(second.body.pullrequest.id).toBe(2);
    const rejected = await pr({ action: "rejected", id: 2 }, repo);
    expect(rejected.body.pullrequest).toEqual({ id: 2, state: "DECLINED" });
    await settled(emu, 3);
    const declined = JSON.parse(r.requests[2]!.body.toString("utf8"));
    expect(declined.pullrequest).toMatchObject({ id: 2, state: "DECLINED", destination: { branch: { name: "develop" } } });
    const again = await pr({ action: "fulfilled", id: 2 }, repo);
    expect(again.status).toBe(409);
    expect(again.body.error).toContain("DECLINED");
    expect((await pr({ action: "created", id: 1 }, repo)).status).toBe(409);
    expect((await pr({ action: "updated", id: 99 }, repo)).status).toBe(404);
    expect((await pr({ action: "updated" }, "acme/docs")).status).toBe(404);
  });
});

describe("trigger and deliveries control API", () => {
  it("validates triggers", async () => {
    expect((await push({}, "acme/nope")).status).toBe(404);
    for (const bad of [{ commits: 0 }, { commits: 51 }, { branch: "bad..name" }, { author: "mallory" }, { author: "carol" }, { colour: "red" }]) {
      const res = await push(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error).toMatch(/^Invalid body: /);
    }
    expect((await push({ author: "bob" }, "acme/billing-service")).body.error).toContain("no write access");
    expect((await pr({ action: "merged" })).status).toBe(400);
  });

  it("filters deliveries by hook (with or without braces), newest first, and clears them", async () => {
    const a = await receiver();
    const b = await receiver();
    const ha = await hook(a.url);
    const hb = await hook(b.url, { events: ["repo:push"] });
    await push();
    await pr({ action: "created" });
    const all = await settled(emu, 3);
    expect(all.map((d) => d.eventKey)).toEqual(["pullrequest:created", "repo:push", "repo:push"]);
    const onlyA = (await (await emu.control("GET", `/deliveries?hook=${bare(ha.uuid)}`)).json()).deliveries;
    expect(onlyA.map((d: { hookUuid: string }) => d.hookUuid)).toEqual([ha.uuid, ha.uuid]);
    const onlyB = (await (await emu.control("GET", `/deliveries?hook=${encodeURIComponent(hb.uuid)}`)).json()).deliveries;
    expect(onlyB).toHaveLength(1);
    expect((await emu.control("DELETE", "/deliveries")).status).toBe(200);
    expect((await (await emu.control("GET", "/deliveries")).json()).deliveries).toEqual([]);
  });
});

describe("repository page", () => {
  const PAGE = `/${REPO}`;

  it("a signed-in writer pushes through the form; an admin sees webhooks and their deliveries", async () => {
    const r = await receiver((n) => (n === 1 ? 500 : 204));
    await hook(r.url, { description: "Deploy <bot>" });
    const jar = new CookieJar();
    await login(jar, emu.url, "alice");
    const page = await (await jar.fetch(`${emu.url}${PAGE}`)).text();
    expect(page).toContain('<label for="push-branch">Branch</label>');
    expect(page).toContain('<label for="push-message">Commit message</label>');
    expect(page).toContain("Deploy &lt;bot&gt;");
    const res = await jar.post(`${emu.url}${PAGE}/push`, { csrf_token: csrf(page), branch: "main", message: "From the page" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(PAGE);
    const [delivery] = await settled(emu, 1);
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 204]);
    expect(JSON.parse(r.requests[0]!.body.toString("utf8")).push.changes[0].new.target.message).toBe("From the page");
    const after = await (await jar.fetch(`${emu.url}${PAGE}`)).text();
    expect(after).toMatch(/Pushed [0-9a-f]{7} to main; 1 webhook delivery queued\./);
    expect(after.match(/data-testid="delivery-attempt"/g)).toHaveLength(2);
    expect(after).toContain('<span data-testid="delivery-status">204</span>');
  });

  it("refuses a missing CSRF token, a bad branch, readers and strangers", async () => {
    const alice = new CookieJar();
    await login(alice, emu.url, "alice");
    const page = await (await alice.fetch(`${emu.url}${PAGE}`)).text();
    expect((await alice.post(`${emu.url}${PAGE}/push`, { branch: "main", message: "x" })).status).toBe(403);
    const bad = await alice.post(`${emu.url}${PAGE}/push`, { csrf_token: csrf(page), branch: "../etc", message: "x" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('aria-invalid="true"');

    const bob = new CookieJar();
    await login(bob, emu.url, "bob");
    const readOnly = await (await bob.fetch(`${emu.url}/acme/billing-service`)).text();
    expect(readOnly).not.toContain("Push a commit");
    expect(readOnly).not.toContain('data-testid="webhooks"');
    expect((await bob.post(`${emu.url}/acme/billing-service/push`, { csrf_token: csrf(readOnly), branch: "main" })).status).toBe(403);
    const writable = await (await bob.fetch(`${emu.url}${PAGE}`)).text();
    expect(writable).toContain("Push a commit");
    expect(writable).not.toContain('data-testid="webhooks"');

    const anonymous = await fetch(`${emu.url}${PAGE}/push`, { method: "POST", redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe(`/account/signin?next=${encodeURIComponent(PAGE)}`);
    expect((await fetch(`${emu.url}/acme/docs`)).status).toBe(200);
  });
});
