import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api, basic, consent, CookieJar, makeConsumer, start, tokenRequest, userTokens, type TestEmulator } from "./helpers.js";

let emu: TestEmulator;
beforeAll(async () => { emu = await start(); });
afterAll(async () => { await emu.close(); });
beforeEach(async () => { await emu.control("POST", "/reset"); });

async function codeFor(c: Awaited<ReturnType<typeof makeConsumer>>, redirectUri?: string): Promise<string> {
  const res = await consent(emu, new CookieJar(), c, redirectUri === undefined ? {} : { redirectUri });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "").searchParams.get("code") ?? "";
}

describe("client authentication", () => {
  it("rejects a wrong secret with 401 unauthorized_client", async () => {
    const c = await makeConsumer(emu);
    const res = await tokenRequest(emu, { grant_type: "client_credentials" }, { key: c.key, secret: "nope" });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "unauthorized_client", error_description: "Invalid OAuth client credentials" });
  });

  it("rejects an unknown key with 401 unauthorized_client", async () => {
    const res = await tokenRequest(emu, { grant_type: "client_credentials" }, { key: "nobody", secret: "x" });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("unauthorized_client");
  });

  it("rejects a request without credentials with 401 invalid_client", async () => {
    const res = await tokenRequest(emu, { grant_type: "authorization_code", code: "x" });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error).toBe("invalid_client");
    expect(body.error_description).toMatch(/client credentials/);
  });

  it("accepts client_id and client_secret in the form body", async () => {
    const c = await makeConsumer(emu, { isPrivate: true });
    const res = await tokenRequest(emu, { grant_type: "client_credentials", client_id: c.key, client_secret: c.secret });
    expect(res.status).toBe(200);
  });

  it("answers a JSON body with invalid_grant 'Unsupported grant type: None'", async () => {
    const c = await makeConsumer(emu, { isPrivate: true });
    const res = await fetch(`${emu.url}/site/oauth2/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: basic(c.key, c.secret) },
      body: JSON.stringify({ grant_type: "client_credentials" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_grant", error_description: "Unsupported grant type: None" });
  });

  it("answers a missing grant_type the same way", async () => {
    const c = await makeConsumer(emu);
    const res = await tokenRequest(emu, {}, c);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_grant", error_description: "Unsupported grant type: None" });
  });

  it("refuses a consumer without a callback URL with invalid_request", async () => {
    const c = await makeConsumer(emu, { callbackUrl: "", isPrivate: true });
    const res = await tokenRequest(emu, { grant_type: "client_credentials" }, c);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_request", error_description: "No callback uri defined for the OAuth client." });
  });
});

describe("authorization_code", () => {
  it("exchanges a code for tokens carrying the consumer's scopes, implied ones included", async () => {
    const c = await makeConsumer(emu, { scopes: ["account", "pullrequest:write", "webhook"] });
    expect(c.scopes).toEqual(["account", "repository", "repository:write", "pullrequest", "pullrequest:write", "webhook"]);
    const res = await tokenRequest(emu, { grant_type: "authorization_code", code: await codeFor(c) }, c);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["access_token", "token_type", "expires_in", "scope", "refresh_token", "state"]);
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 7200, state: "authorization_code", scope: c.scopes.join(" ") });
    expect(body.access_token.length).toBeGreaterThanOrEqual(100);
    const me = await api(emu, "/user", body.access_token);
    expect(me.status).toBe(200);
    expect((await me.json()).display_name).toBe("Alice Anderson");
  });

  it("refuses a reused code with invalid_grant", async () => {
    const c = await makeConsumer(emu);
    const code = await codeFor(c);
    expect((await tokenRequest(emu, { grant_type: "authorization_code", code }, c)).status).toBe(200);
    const again = await tokenRequest(emu, { grant_type: "authorization_code", code }, c);
    expect(again.status).toBe(400);
    expect((await again.json()).error).toBe("invalid_grant");
  });

  it("refuses an unknown code, another client's code and an expired code", async () => {
    const a = await makeConsumer(emu);
    const b = await makeConsumer(emu, { name: "Other" });
    const unknown = await tokenRequest(emu, { grant_type: "authorization_code", code: "made-up" }, a);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toBe("invalid_grant");
    const foreign = await tokenRequest(emu, { grant_type: "authorization_code", code: await codeFor(a) }, b);
    expect((await foreign.json()).error).toBe("invalid_grant");
    const code = await codeFor(a);
    emu.clock.advance(5 * 60_000 + 1);
    const expired = await tokenRequest(emu, { grant_type: "authorization_code", code }, a);
    expect(expired.status).toBe(400);
    expect((await expired.json()).error).toBe("invalid_grant");
  });

  it("requires the same redirect_uri when one was sent at authorize", async () => {
    const c = await makeConsumer(emu);
    const redirectUri = `${c.callbackUrl}?connection=7`;
    const missing = await tokenRequest(emu, { grant_type: "authorization_code", code: await codeFor(c, redirectUri) }, c);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toBe("invalid_grant");
    const ok = await tokenRequest(emu, { grant_type: "authorization_code", code: await codeFor(c, redirectUri), redirect_uri: redirectUri }, c);
    expect(ok.status).toBe(200);
  });
});

describe("refresh_token", () => {
  it("rotates; the used token works during the grace period and then fails", async () => {
    const c = await makeConsumer(emu);
    const first = await userTokens(emu, c);
    const r1 = await tokenRequest(emu, { grant_type: "refresh_token", refresh_token: first.refresh_token ?? "" }, c);
    expect(r1.status).toBe(200);
    const second = await r1.json();
    expect(second.state).toBe("refresh_token");
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.scope).toBe(first.scope);

    emu.clock.advance(599_000);
    const withinGrace = await tokenRequest(emu, { grant_type: "refresh_token", refresh_token: first.refresh_token ?? "" }, c);
    expect(withinGrace.status).toBe(200);

    emu.clock.advance(2_000);
    const late = await tokenRequest(emu, { grant_type: "refresh_token", refresh_token: first.refresh_token ?? "" }, c);
    expect(late.status).toBe(400);
    expect(await late.json()).toEqual({ error: "invalid_grant", error_description: "Invalid refresh_token" });
    const fresh = await tokenRequest(emu, { grant_type: "refresh_token", refresh_token: second.refresh_token }, c);
    expect(fresh.status).toBe(200);
  });

  it("honours refreshGraceSeconds = 0 from the settings", async () => {
    const c = await makeConsumer(emu);
    await emu.control("PUT", "/settings", { refreshGraceSeconds: 0 });
    const t = await userTokens(emu, c);
    expect((await tokenRequest(emu, { grant_type: "refresh_token", refresh_token: t.refresh_token ?? "" }, c)).status).toBe(200);
    const reused = await tokenRequest(emu, { grant_type: "refresh_token", refresh_token: t.refresh_token ?? "" }, c);
    expect(reused.status).toBe(400);
    expect((await reused.json()).error).toBe("invalid_grant");
  });

  it("refuses unknown refresh tokens and another consumer's", async () => {
    const a = await makeConsumer(emu);
    const b = await makeConsumer(emu, { name: "B" });
    const t = await userTokens(emu, a);
    for (const [token, client] of [["nope", a], [t.refresh_token ?? "", b]] as const) {
      const res = await tokenRequest(emu, { grant_type: "refresh_token", refresh_token: token }, client);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "invalid_grant", error_description: "Invalid refresh_token" });
    }
  });

  it("legacy switch: `scopes` field and a reusable refresh token", async () => {
    await emu.control("PUT", "/settings", { legacyScopesField: true });
    const c = await makeConsumer(emu);
    const t = await userTokens(emu, c);
    expect(t.scopes).toBe("account email repository");
    expect(t.scope).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      emu.clock.advance(3_600_000);
      const res = await tokenRequest(emu, { grant_type: "refresh_token", refresh_token: t.refresh_token ?? "" }, c);
      const body = await res.json();
      expect(res.status).toBe(200);
      expect(body.refresh_token).toBe(t.refresh_token);
      expect(body.scopes).toBe("account email repository");
    }
  });
});

describe("client_credentials", () => {
  it("fails on a public consumer", async () => {
    const c = await makeConsumer(emu, { isPrivate: false });
    const res = await tokenRequest(emu, { grant_type: "client_credentials" }, c);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("invalid_grant");
    expect(body.error_description).toMatch(/client_credentials.*public/);
  });

  it("succeeds on a private consumer, without a refresh token", async () => {
    const c = await makeConsumer(emu, { isPrivate: true, scopes: ["repository"] });
    const res = await tokenRequest(emu, { grant_type: "client_credentials" }, c);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 7200, scope: "repository", state: "client_credentials" });
    expect("refresh_token" in body).toBe(false);
    const repos = await api(emu, "/repositories/acme", body.access_token);
    expect(repos.status).toBe(200);
    expect((await api(emu, "/repositories/carol-labs", body.access_token)).status).toBe(404);
  });

  it("longTokens makes 2,600-character access tokens", async () => {
    await emu.control("PUT", "/settings", { longTokens: true });
    const c = await makeConsumer(emu, { isPrivate: true });
    const body = await (await tokenRequest(emu, { grant_type: "client_credentials" }, c)).json();
    expect(body.access_token).toHaveLength(2600);
    expect((await api(emu, "/repositories/acme", body.access_token)).status).toBe(200);
  });
});
