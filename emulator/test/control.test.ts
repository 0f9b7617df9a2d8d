import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api, makeConsumer, start, tokenRequest, userTokens, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await start({
    consumers: [{ key: "seeded-key", secret: "seeded-secret", name: "Seeded", workspace: "acme", callbackUrl: "http://localhost:3000/cb", scopes: ["account:write"], isPrivate: true }],
  });
});
afterAll(async () => { await emu.close(); });
beforeEach(async () => { await emu.control("POST", "/reset"); });

describe("consumers", () => {
  it("creates with implied scopes, lists, deletes; reset keeps start-up consumers only", async () => {
    const res = await emu.control("POST", "/consumers", {
      workspace: "acme", name: "Made", callbackUrl: "http://localhost:3000/x", scopes: ["issue:write", "snippet:write"], isPrivate: false,
    });
    expect(res.status).toBe(201);
    const c = await res.json();
    expect(c.key).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(c.secret).toMatch(/^[A-Za-z0-9]{64,}$/);
    expect(c.scopes).toEqual(["issue", "issue:write", "snippet", "snippet:write"]);
    const list = await (await emu.control("GET", "/consumers")).json();
    expect(list.consumers.map((x: { key: string }) => x.key).sort()).toEqual([c.key, "seeded-key"].sort());
    const seeded = list.consumers.find((x: { key: string }) => x.key === "seeded-key");
    expect(seeded.scopes).toEqual(["account", "account:write"]);
    await emu.control("POST", "/reset");
    const after = await (await emu.control("GET", "/consumers")).json();
    expect(after.consumers.map((x: { key: string }) => x.key)).toEqual(["seeded-key"]);
  });

  it("accepts a given key and secret, and refuses a duplicate key", async () => {
    const body = { workspace: "acme", name: "Fixed", callbackUrl: "http://localhost:3000/x", scopes: [], isPrivate: true, key: "fixedkey", secret: "fixedsecret" };
    expect((await emu.control("POST", "/consumers", body)).status).toBe(201);
    expect((await emu.control("POST", "/consumers", body)).status).toBe(409);
  });

  it("names the bad field on invalid input", async () => {
    const res = await emu.control("POST", "/consumers", { workspace: "acme", name: "X", callbackUrl: "not a url", scopes: ["repo"], isPrivate: "yes" });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toContain("callbackUrl");
    expect(error).toContain("scopes.0");
    expect(error).toContain("isPrivate");
    const ws = await emu.control("POST", "/consumers", { workspace: "nowhere", name: "X", callbackUrl: "http://a.example", scopes: [], isPrivate: true });
    expect(ws.status).toBe(400);
    expect((await ws.json()).error).toContain("workspace");
    expect((await emu.control("PUT", "/settings", { refreshGraceSeconds: "soon" })).status).toBe(400);
    expect((await emu.control("POST", "/faults", { target: "everything", status: 500 })).status).toBe(400);
  });

  it("deleting a consumer revokes its tokens", async () => {
    const c = await makeConsumer(emu);
    const t = await userTokens(emu, c);
    expect((await emu.control("DELETE", `/consumers/${c.key}`)).status).toBe(200);
    expect((await api(emu, "/user", t.access_token)).status).toBe(401);
    expect((await emu.control("DELETE", `/consumers/${c.key}`)).status).toBe(404);
  });
});

describe("token lifecycle controls", () => {
  it("tokens/expire makes access tokens answer 401 with the expired message", async () => {
    const c = await makeConsumer(emu);
    const t = await userTokens(emu, c);
    const res = await emu.control("POST", "/tokens/expire", { consumerKey: c.key });
    expect(await res.json()).toEqual({ expired: 1 });
    const after = await api(emu, "/user", t.access_token);
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ type: "error", error: { message: "Access token expired. Use your refresh token to obtain a new access token." } });
    const refreshed = await tokenRequest(emu, { grant_type: "refresh_token", refresh_token: t.refresh_token ?? "" }, c);
    expect(refreshed.status).toBe(200);
  });

  it("grants/revoke kills access and refresh tokens (optionally per user)", async () => {
    const c = await makeConsumer(emu);
    const a = await userTokens(emu, c, "alice");
    const b = await userTokens(emu, c, "bob");
    expect(await (await emu.control("POST", "/grants/revoke", { consumerKey: c.key, username: "alice" })).json()).toEqual({ revoked: 2 });
    const res = await api(emu, "/user", a.access_token);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe("Token is invalid, expired, or not supported for this endpoint.");
    const refresh = await tokenRequest(emu, { grant_type: "refresh_token", refresh_token: a.refresh_token ?? "" }, c);
    expect(refresh.status).toBe(400);
    expect(await refresh.json()).toEqual({ error: "invalid_grant", error_description: "Invalid refresh_token" });
    expect((await api(emu, "/user", b.access_token)).status).toBe(200);
  });

  it("the clock endpoint moves time forward", async () => {
    const c = await makeConsumer(emu);
    const t = await userTokens(emu, c);
    expect((await emu.control("POST", "/clock", { advanceSeconds: 7201 })).status).toBe(200);
    expect((await api(emu, "/user", t.access_token)).status).toBe(401);
  });

  it("accessTokenTtlSeconds changes expires_in", async () => {
    await emu.control("PUT", "/settings", { accessTokenTtlSeconds: 60 });
    const t = await userTokens(emu, await makeConsumer(emu));
    expect(t.expires_in).toBe(60);
  });
});

describe("faults", () => {
  it("injects a status with Retry-After, once by default", async () => {
    const c = await makeConsumer(emu, { isPrivate: true });
    expect((await emu.control("POST", "/faults", { target: "token", status: 429, retryAfter: 30 })).status).toBe(201);
    const hit = await tokenRequest(emu, { grant_type: "client_credentials" }, c);
    expect(hit.status).toBe(429);
    expect(hit.headers.get("retry-after")).toBe("30");
    expect((await tokenRequest(emu, { grant_type: "client_credentials" }, c)).status).toBe(200);
  });

  it("uses a custom body, honours times, and consumes faults in order", async () => {
    const c = await makeConsumer(emu, { isPrivate: true });
    const t = (await (await tokenRequest(emu, { grant_type: "client_credentials" }, c)).json()).access_token;
    await emu.control("POST", "/faults", { target: "api", status: 503, times: 2 });
    await emu.control("POST", "/faults", { target: "api", status: 500, body: { type: "error", error: { message: "boom" } } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api(emu, "/repositories/acme", t)).status);
    expect(statuses).toEqual([503, 503, 500, 200]);
  });

  it("times: 0 lasts until cleared", async () => {
    await emu.control("POST", "/faults", { target: "authorize", status: 502, times: 0 });
    for (let i = 0; i < 3; i++) expect((await fetch(`${emu.url}/site/oauth2/authorize?client_id=x`)).status).toBe(502);
    await emu.control("DELETE", "/faults");
    expect((await fetch(`${emu.url}/site/oauth2/authorize?client_id=x`)).status).toBe(400);
  });

  it("delays a response", async () => {
    await emu.control("POST", "/faults", { target: "api", delayMs: 150 });
    const t0 = performance.now();
    const res = await api(emu, "/user");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(401);
  });

  it("drops the connection without an answer", async () => {
    await emu.control("POST", "/faults", { target: "token", drop: true });
    await expect(tokenRequest(emu, { grant_type: "client_credentials" })).rejects.toThrow();
    expect((await tokenRequest(emu, { grant_type: "client_credentials" })).status).toBe(401);
  });
});

describe("stats", () => {
  it("counts token and API requests per consumer, and resets", async () => {
    const c = await makeConsumer(emu, { isPrivate: true });
    const t = (await (await tokenRequest(emu, { grant_type: "client_credentials" }, c)).json()).access_token;
    await tokenRequest(emu, { grant_type: "client_credentials" }, c);
    await api(emu, "/repositories/acme", t);
    await api(emu, "/user", t);
    await api(emu, "/repositories/acme");
    expect(await (await emu.control("GET", "/stats")).json()).toEqual({ tokenRequests: { [c.key]: 2 }, apiRequests: { [c.key]: 2 } });
    await emu.control("DELETE", "/stats");
    expect(await (await emu.control("GET", "/stats")).json()).toEqual({ tokenRequests: {}, apiRequests: {} });
  });

  it("health answers ok", async () => {
    expect(await (await emu.control("GET", "/health")).json()).toEqual({ ok: true });
  });
});

describe("control API guard", () => {
  // A web page could otherwise reach a sandbox on the developer's machine: a form or no-cors
  // POST (no JSON content type), or a rebinding name that resolves to 127.0.0.1 (foreign Host).
  const request = (path: string, init: { method: string; headers?: Record<string, string>; body?: string }) =>
    import("node:http").then(
      ({ request: send }) =>
        new Promise<{ status: number }>((resolve, reject) => {
          const url = new URL(`${emu.url}/_emulator${path}`);
          const req = send({ host: url.hostname, port: url.port, path: url.pathname, method: init.method, headers: init.headers }, (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0 });
          });
          req.on("error", reject);
          req.end(init.body);
        }),
    );

  it("refuses state changes without a JSON content type (415)", async () => {
    expect((await request("/reset", { method: "POST" })).status).toBe(415);
    expect((await request("/reset", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" })).status).toBe(415);
    expect((await request("/faults", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "target=token&status=500" })).status).toBe(415);
    expect((await request("/faults", { method: "DELETE" })).status).toBe(415);
    expect((await request("/reset", { method: "POST", headers: { "content-type": "application/json" } })).status).toBe(200);
  });

  it("answers only requests addressed to a loopback host (403)", async () => {
    const port = new URL(emu.url).port;
    const json = { "content-type": "application/json" };
    for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1.nip.io:${port}`]) {
      expect((await request("/consumers", { method: "GET", headers: { host } })).status, host).toBe(403);
      expect((await request("/reset", { method: "POST", headers: { ...json, host } })).status, host).toBe(403);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await request("/consumers", { method: "GET", headers: { host } })).status, host).toBe(200);
    }
  });
});
