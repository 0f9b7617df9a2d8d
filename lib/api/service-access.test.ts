import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as proxyRoute from "@/app/api/v1/organizations/[org]/vcs/[id]/proxy/[...path]/route";
import * as tokenRoute from "@/app/api/v1/organizations/[org]/vcs/[id]/token/route";
import * as collectionRoute from "@/app/api/v1/organizations/[org]/vcs/route";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import type { ApiScope } from "@/lib/access/permissions";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { usesInLastHour } from "@/lib/connections/consumer-usage";
import { getAccessToken } from "@/lib/connections/get-access-token";
import { connectedConnection, emulatorStats } from "@/test/connected-connection";
import { useTestDatabase } from "@/test/use-test-database";
import { errorBodySchema, issuedAccessTokenSchema } from "./schemas";

// Small caps so both directions can be tested with modest bodies; read by env() on first use.
vi.stubEnv("PROXY_MAX_REQUEST_BYTES", "4096");
vi.stubEnv("PROXY_MAX_RESPONSE_BYTES", "65536");

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());
afterEach(() => emulator.control("DELETE", "/faults"));

type Connected = Awaited<ReturnType<typeof connectedConnection>>;

/** A connection through the real Connect flow, and an API token of its admin with these scopes. */
async function service(scopes: ApiScope[] = ["connections:use"], options: { limitTo?: (c: Connected) => string[] } = {}) {
  const c = await connectedConnection(database.db, emulator);
  const created = await createApiToken(c.access, { name: "deploy service", scopes, connectionIds: options.limitTo?.(c) ?? null });
  return { ...c, org: c.organization.slug, apiToken: created.token, apiTokenId: created.id };
}

const context = <P>(params: P) => ({ params: Promise.resolve(params) });
const headersFor = (token: string, extra: Record<string, string> = {}) => new Headers({ authorization: `Bearer ${token}`, ...extra });

async function issue(s: { org: string; apiToken: string }, id: string) {
  const request = new Request(`http://localhost:3999/api/v1/organizations/${s.org}/vcs/${id}/token`, { method: "POST", headers: headersFor(s.apiToken) });
  const response = await tokenRoute.POST(request, context({ org: s.org, id }));
  return { status: response.status, json: await response.json() };
}

async function proxy(s: { org: string; apiToken: string; id: string }, method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}) {
  const [pathname = "", search = ""] = path.split("?");
  const segments = pathname.split("/");
  const request = new Request(`http://localhost:3999/api/v1/organizations/${s.org}/vcs/${s.id}/proxy/${pathname}${search ? `?${search}` : ""}`, {
    method,
    headers: headersFor(s.apiToken, options.headers),
    body: options.body,
  });
  const handler = proxyRoute[method as "GET" | "POST" | "PUT" | "DELETE"];
  const response = await handler(request, context({ org: s.org, id: s.id, path: segments }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : null };
}

const storedAccessToken = (id: string) => getAccessToken(id);

describe("POST /vcs/{id}/token", () => {
  it("gives a service with connections:use a working token, audited and counted, and the token calls Bitbucket", async () => {
    const s = await service();
    const reply = await issue(s, s.id);

    expect(reply.status).toBe(200);
    expect(issuedAccessTokenSchema.parse(reply.json)).toEqual(reply.json);
    expect(Object.keys(reply.json)).toEqual(["data"]);
    expect(Object.keys(reply.json.data).sort()).toEqual(["accessToken", "expiresAt", "gitUsername", "scopes"]);
    expect(reply.json.data).toMatchObject({ gitUsername: "x-token-auth", scopes: ["account", "repository", "repository:write", "repository:admin", "webhook"] });
    expect(typeof reply.json.data.accessToken).toBe("string");
    expect(new Date(reply.json.data.expiresAt).getTime()).toBeGreaterThan(Date.now());

    // The service calls Bitbucket itself with it.
    const repositories = await fetch(`${emulator.apiUrl}/repositories/acme?pagelen=5`, { headers: { authorization: `Bearer ${reply.json.data.accessToken}` } });
    expect(repositories.status).toBe(200);
    expect(((await repositories.json()) as { values: unknown[] }).values).toHaveLength(5);

    const events = await database.db.auditEvent.findMany({ where: { targetId: s.id, action: "connection.token_issued" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "api_token", actorUserId: s.user.id });
    expect(events[0]!.actorLabel).toContain("deploy service");
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ apiTokenId: s.apiTokenId });
    expect(JSON.stringify(events)).not.toContain(reply.json.data.accessToken);
    expect(await usesInLastHour({ hostUrl: emulator.url, clientId: s.consumer.key })).toMatchObject({ token_issued: 1, proxy: 0 });
  });

  it("refreshes an expired token first, once, and hands out the new one", async () => {
    const s = await service();
    await database.db.vcsGrant.update({ where: { connectionId: s.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await emulatorStats(emulator, s.consumer.key);

    const replies = await Promise.all([issue(s, s.id), issue(s, s.id), issue(s, s.id)]);

    expect((await emulatorStats(emulator, s.consumer.key)).token - before.token).toBe(1);
    expect(new Set(replies.map((r) => r.json.data.accessToken)).size).toBe(1);
    expect(new Date(replies[0]!.json.data.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3600_000);
  });

  it("refuses a token without connections:use with 403, even its admin creator's", async () => {
    const s = await service(["connections:read", "connections:write"]);
    const reply = await issue(s, s.id);
    expect(reply.status).toBe(403);
    errorBodySchema.parse(reply.json);
    expect(reply.json.error.code).toBe("token_scope_missing");
    expect(reply.json.error.message).toContain("connections:use");
    expect((await proxy(s, "GET", "user")).status).toBe(403);
    expect(await database.db.auditEvent.count({ where: { targetId: s.id, action: "connection.token_issued" } })).toBe(0);
  });

  it("keeps a token limited to named connections to those", async () => {
    const other = await connectedConnection(database.db, emulator);
    const s = await service(["connections:write", "connections:use"], { limitTo: (c) => [c.id] });
    // The other connection is in another organization: 404 as ever. Move it into this one.
    await database.db.vcsConnection.update({ where: { id: other.id }, data: { organizationId: s.organization.id, name: "Second" } });

    expect((await issue(s, s.id)).status).toBe(200);
    const refused = await issue(s, other.id);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("token_connection_not_allowed");
    expect((await proxy({ ...s, id: other.id }, "GET", "user")).status).toBe(403);

    const listed = await collectionRoute.GET(new Request(`http://localhost:3999/api/v1/organizations/${s.org}/vcs`, { headers: headersFor(s.apiToken) }), context({ org: s.org }));
    expect(((await listed.json()) as { data: { id: string }[] }).data.map((c) => c.id)).toEqual([s.id]);
    const create = await collectionRoute.POST(
      new Request(`http://localhost:3999/api/v1/organizations/${s.org}/vcs`, { method: "POST", headers: headersFor(s.apiToken, { "content-type": "application/json" }), body: JSON.stringify({ name: "x", vcsType: "BITBUCKET" }) }),
      context({ org: s.org }),
    );
    expect(create.status).toBe(403);
    expect((await create.json()).error.code).toBe("token_connection_not_allowed");
  });

  it("answers with the connection's status and the fix when it cannot give a token", async () => {
    const s = await service();
    await emulator.control("POST", "/grants/revoke", { consumerKey: s.consumer.key });
    await database.db.vcsGrant.update({ where: { connectionId: s.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const revoked = await issue(s, s.id);
    expect(revoked.status).toBe(401);
    expect(revoked.json.error).toMatchObject({ code: "grant_revoked", hint: expect.stringContaining("Reconnect") });
    const after = await issue(s, s.id);
    expect(after.status).toBe(409);
    expect(after.json.error).toMatchObject({ code: "needs_reauthorization", hint: expect.stringContaining("Reconnect") });

    await database.db.vcsConnection.update({ where: { id: s.id }, data: { status: "missing_permissions", requiredScopes: "repository:write pullrequest" } });
    const missing = await issue(s, s.id);
    expect(missing.status).toBe(409);
    expect(missing.json.error.code).toBe("connection_missing_permissions");
    expect(missing.json.error.message).toContain("Pull requests: Read");

    await database.db.vcsGrant.delete({ where: { connectionId: s.id } });
    await database.db.vcsConnection.update({ where: { id: s.id }, data: { status: "disconnected" } });
    const disconnected = await issue(s, s.id);
    expect(disconnected.status).toBe(409);
    expect(disconnected.json.error).toMatchObject({ code: "connection_not_connected", message: expect.stringContaining("Disconnected") });
  });
});

describe("the Bitbucket proxy", () => {
  it("forwards reads and writes with a token the service never sees, and counts each call", async () => {
    const s = await service();
    const token = await storedAccessToken(s.id);

    const list = await proxy(s, "GET", "repositories/acme?pagelen=3&sort=name");
    expect(list.status).toBe(200);
    expect(list.json.values.map((r: { slug: string }) => r.slug)).toHaveLength(3);
    expect(list.headers.get("content-type")).toContain("application/json");

    const created = await proxy(s, "POST", "repositories/acme/api-gateway/hooks", {
      body: JSON.stringify({ url: "https://hooks.example.com/bitbucket", events: ["repo:push"], description: "through the proxy" }),
      headers: { "content-type": "application/json" },
    });
    expect(created.status).toBe(201);
    const uuid: string = created.json.uuid;
    expect((await proxy(s, "GET", `repositories/acme/api-gateway/hooks/${uuid}`)).json.description).toBe("through the proxy");
    expect((await proxy(s, "DELETE", `repositories/acme/api-gateway/hooks/${uuid}`)).status).toBe(204);

    for (const reply of [list, created]) expect(reply.text).not.toContain(token);
    expect((await usesInLastHour({ hostUrl: emulator.url, clientId: s.consumer.key })).proxy).toBe(4);

    // Should an answer ever echo the credential, it is withheld.
    await emulator.control("POST", "/faults", { target: "api", status: 200, body: { echoed: `Bearer ${token}` }, times: 1 });
    const echoed = await proxy(s, "GET", "user");
    expect(echoed.status).toBe(502);
    expect(echoed.text).not.toContain(token);
  });

  it("refreshes on a 401 exactly once and retries once, for a POST too", async () => {
    const s = await service();
    // Bitbucket expired the token early; our record still thinks it is fresh.
    await emulator.control("POST", "/tokens/expire", { consumerKey: s.consumer.key });
    const before = await emulatorStats(emulator, s.consumer.key);

    const reply = await proxy(s, "GET", "user");
    expect(reply.status).toBe(200);
    expect(reply.json.display_name).toBe("Alice Anderson");
    const after = await emulatorStats(emulator, s.consumer.key);
    expect(after.token - before.token).toBe(1);
    expect(after.api - before.api).toBe(2);

    // Bitbucket keeps refusing: one refresh, one retry, then the reason, never a loop.
    await emulator.control("POST", "/faults", { target: "api", status: 401, times: 0 });
    const refused = await proxy(s, "POST", "repositories/acme/api-gateway/hooks", { body: "{}", headers: { "content-type": "application/json" } });
    await emulator.control("DELETE", "/faults");
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe("bitbucket_token_rejected");
    const last = await emulatorStats(emulator, s.consumer.key);
    expect(last.token - after.token).toBe(1);
    expect(last.api - after.api).toBe(2);
  });

  it("answers 429 and 5xx with Bitbucket's status and Retry-After, without retrying", async () => {
    const s = await service();
    for (const [method, status] of [["POST", 429], ["GET", 503], ["PUT", 500]] as const) {
      await emulator.control("POST", "/faults", { target: "api", status, retryAfter: 7, times: 0 });
      const before = await emulatorStats(emulator, s.consumer.key);
      const reply = await proxy(s, method, "repositories/acme/api-gateway/hooks", method === "GET" ? {} : { body: "{}", headers: { "content-type": "application/json" } });
      await emulator.control("DELETE", "/faults");
      expect(reply.status).toBe(status);
      expect(reply.headers.get("retry-after")).toBe("7");
      expect((await emulatorStats(emulator, s.consumer.key)).api - before.api).toBe(1);
    }
  });

  it("refuses paths outside the API URL before calling Bitbucket", async () => {
    const s = await service();
    const before = await emulatorStats(emulator, s.consumer.key);
    for (const segments of [["..", "site", "oauth2", "access_token"], ["repositories", ".", "acme"], ["https:", "", "evil.example", "x"], ["repositories", "acme/../../x"], ["a\\b"], ["repositories", ""]]) {
      const request = new Request(`http://localhost:3999/api/v1/organizations/${s.org}/vcs/${s.id}/proxy/x`, { headers: headersFor(s.apiToken) });
      const response = await proxyRoute.GET(request, context({ org: s.org, id: s.id, path: segments }));
      expect(response.status, segments.join("/")).toBe(422);
      expect((await response.json()).error.code).toBe("proxy_path_invalid");
    }
    expect((await emulatorStats(emulator, s.consumer.key)).api).toBe(before.api);
  });

  it("does not follow redirects, and caps bodies both ways", async () => {
    const s = await service();
    await emulator.control("POST", "/faults", { target: "api", status: 302, body: "", times: 1 });
    const redirected = await proxy(s, "GET", "user");
    expect(redirected.status).toBe(302);

    const tooBig = await proxy(s, "POST", "repositories/acme/api-gateway/hooks", { body: "x".repeat(5000), headers: { "content-type": "application/json" } });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error.code).toBe("proxy_body_too_large");

    const large = await proxy(s, "GET", "repositories/bigco?pagelen=100");
    expect(large.status).toBe(502);
    expect(large.json.error.code).toBe("proxy_response_too_large");
  });
});
