import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consent, CookieJar, login, makeConsumer, start, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => { emu = await start(); });
afterAll(async () => { await emu.close(); });
beforeEach(async () => { await emu.control("POST", "/reset"); });

const authorizeUrl = (params: Record<string, string>) => `${emu.url}/site/oauth2/authorize?${new URLSearchParams(params)}`;

describe("authorize validation (no redirect)", () => {
  it("shows an error page for an unknown client_id", async () => {
    const res = await fetch(authorizeUrl({ client_id: "unknown", response_type: "code" }), { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toContain("Invalid client_id");
  });

  it("shows an error page for a redirect_uri outside the registered callback", async () => {
    const c = await makeConsumer(emu, { callbackUrl: "http://localhost:3000/cb" });
    const jar = new CookieJar();
    await login(jar, emu.url, "alice");
    const res = await jar.fetch(authorizeUrl({ client_id: c.key, response_type: "code", redirect_uri: "http://evil.example/cb" }));
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    const page = await res.text();
    expect(page).toContain("Invalid redirect_uri");
    expect(page).toContain("misconfigured");
  });

  it("redirects unsupported response types to the callback with an error", async () => {
    const c = await makeConsumer(emu, { callbackUrl: "http://localhost:3000/cb" });
    const res = await fetch(authorizeUrl({ client_id: c.key, response_type: "token", state: "s1" }), { redirect: "manual" });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get("location") ?? "");
    expect(loc.origin + loc.pathname).toBe("http://localhost:3000/cb");
    expect(loc.searchParams.get("error")).toBe("unsupported_response_type");
    expect(loc.searchParams.get("state")).toBe("s1");
  });
});

describe("login and consent", () => {
  it("sends an anonymous user to the login page and back to the full authorize URL", async () => {
    const c = await makeConsumer(emu);
    const jar = new CookieJar();
    const params = { client_id: c.key, response_type: "code", state: "abc", scope: "ignored" };
    const res = await jar.fetch(authorizeUrl(params));
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get("location") ?? "", emu.url);
    expect(loc.pathname).toBe("/account/signin");
    const next = loc.searchParams.get("next") ?? "";
    expect(next).toBe(`/site/oauth2/authorize?${new URLSearchParams(params)}`);
    const after = await login(jar, emu.url, "bob", next);
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe(next);
    const page = await (await jar.fetch(`${emu.url}${next}`)).text();
    expect(page).toContain("Test app");
    expect(page).toContain("Account: Read");
    expect(page).toContain("Account: Email");
    expect(page).toContain("Repositories: Read");
    expect(page).toMatch(/<button[^>]*>Grant access<\/button>/);
    expect(page).toMatch(/<button[^>]*>Cancel<\/button>/);
  });

  it("rejects a wrong password and keeps the login form", async () => {
    const jar = new CookieJar();
    const page = await (await jar.fetch(`${emu.url}/account/signin`)).text();
    const token = /name="csrf_token" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const res = await jar.post(`${emu.url}/account/signin`, { csrf_token: token, username: "alice", password: "wrong", next: "/" });
    expect(res.status).toBe(200);
    const again = await res.text();
    expect(again).toContain("Incorrect username or password.");
    expect(again).toContain('value="alice"');
  });

  it("never redirects after login to another origin", async () => {
    const res = await login(new CookieJar(), emu.url, "alice", "https://evil.example/");
    expect(res.headers.get("location")).toBe("/");
    const res2 = await login(new CookieJar(), emu.url, "alice", "//evil.example/x");
    expect(res2.headers.get("location")).toBe("/");
  });

  it("Cancel redirects with access_denied and the state", async () => {
    const c = await makeConsumer(emu, { callbackUrl: "http://localhost:3000/cb?provider=bb" });
    const res = await consent(emu, new CookieJar(), c, { state: "xyz 1", decision: "cancel" });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get("location") ?? "");
    expect(loc.searchParams.get("provider")).toBe("bb");
    expect(loc.searchParams.get("error")).toBe("access_denied");
    expect(loc.searchParams.get("error_description")).toBeTruthy();
    expect(loc.searchParams.get("state")).toBe("xyz 1");
    expect(loc.searchParams.get("code")).toBeNull();
  });

  it("Grant redirects to the redirect_uri with code and state", async () => {
    const c = await makeConsumer(emu, { callbackUrl: "http://localhost:3000/cb" });
    const res = await consent(emu, new CookieJar(), c, { state: "st", redirectUri: "http://localhost:3000/cb/extra?x=1" });
    const loc = new URL(res.headers.get("location") ?? "");
    expect(loc.origin + loc.pathname).toBe("http://localhost:3000/cb/extra");
    expect(loc.searchParams.get("x")).toBe("1");
    expect(loc.searchParams.get("code")).toMatch(/^[A-Za-z0-9]{20,}$/);
    expect(loc.searchParams.get("state")).toBe("st");
  });

  it("Grant without state sends no state parameter", async () => {
    const c = await makeConsumer(emu);
    const res = await consent(emu, new CookieJar(), c);
    const loc = new URL(res.headers.get("location") ?? "");
    expect(loc.searchParams.has("state")).toBe(false);
    expect(loc.searchParams.has("code")).toBe(true);
  });

  it("refuses the consent POST without the session's CSRF token", async () => {
    const c = await makeConsumer(emu);
    const jar = new CookieJar();
    await login(jar, emu.url, "alice");
    const res = await jar.post(`${emu.url}/site/oauth2/authorize`, { client_id: c.key, response_type: "code", decision: "grant", csrf_token: "forged" });
    expect(res.status).toBe(403);
    expect(res.headers.get("location")).toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax bbemu_session cookie", async () => {
    const res = await fetch(`${emu.url}/account/signin`);
    const cookie = res.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/^bbemu_session=[^;]+; HttpOnly; SameSite=Lax; Path=\//);
  });
});
