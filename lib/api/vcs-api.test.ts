import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import * as itemRoute from "@/app/api/v1/organizations/[org]/vcs/[id]/route";
import * as statusRoute from "@/app/api/v1/organizations/[org]/vcs/[id]/status/route";
import * as collectionRoute from "@/app/api/v1/organizations/[org]/vcs/route";
import { makeConsumer, start, type TestEmulator } from "@/emulator/test/helpers";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { completeAuthorization } from "@/lib/connections/complete-authorization";
import { sealContext } from "@/lib/connections/load-connection";
import { startAuthorization } from "@/lib/connections/start-authorization";
import { openSecret } from "@/lib/crypto/keyring";
import { decideOnBitbucket } from "@/test/bitbucket-consent";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { connectionListSchema, connectionStatusSchema, connectionViewSchema, errorBodySchema } from "./schemas";

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

const CANARY_SECRET = "CANARY-api-client-secret-8c1e4b7d2a9f3e6c0b5d8a1f4e7c2b9d6a3f0e5c8b1d4a7";
const SCOPES = ["account", "repository:write", "repository:admin", "webhook"];

/** Every body the API sent in this file, to scan for secrets. */
const bodies: string[] = [];

type Options = { token?: string; body?: unknown; raw?: string };
type Reply = { status: number; headers: Headers; json: any; text: string };

function request(method: string, path: string, { token, body, raw }: Options): Request {
  const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost:3999/api/v1${path}`, { method, headers, body: payload });
}

/** Reads a reply; every error body must have the documented shape. */
async function reply(response: Response, schema?: z.ZodType): Promise<Reply> {
  const text = await response.text();
  bodies.push(text);
  const json = text ? JSON.parse(text) : null;
  if (response.status >= 400) errorBodySchema.parse(json);
  else if (schema) schema.parse(json);
  return { status: response.status, headers: response.headers, json, text };
}

const context = <P>(params: P) => ({ params: Promise.resolve(params) });
const api = {
  list: async (org: string, o: Options = {}) => reply(await collectionRoute.GET(request("GET", `/organizations/${org}/vcs`, o), context({ org })), connectionListSchema),
  create: async (org: string, o: Options) => reply(await collectionRoute.POST(request("POST", `/organizations/${org}/vcs`, o), context({ org })), connectionViewSchema),
  get: async (org: string, id: string, o: Options) => reply(await itemRoute.GET(request("GET", `/organizations/${org}/vcs/${id}`, o), context({ org, id })), connectionViewSchema),
  patch: async (org: string, id: string, o: Options) => reply(await itemRoute.PATCH(request("PATCH", `/organizations/${org}/vcs/${id}`, o), context({ org, id })), connectionViewSchema),
  remove: async (org: string, id: string, o: Options) => reply(await itemRoute.DELETE(request("DELETE", `/organizations/${org}/vcs/${id}`, o), context({ org, id }))),
  status: async (org: string, id: string, o: Options) =>
    reply(await statusRoute.GET(request("GET", `/organizations/${org}/vcs/${id}/status`, o), context({ org, id })), connectionStatusSchema),
};

/** An organization with an admin and a member, each holding an API token. */
async function organization() {
  const admin = await orgMember(database.db, "admin");
  const member = await orgMember(database.db, "member", admin.organization.id);
  return {
    admin,
    org: admin.organization.slug,
    adminToken: (await createApiToken(admin.access, { name: "automation", scopes: ["connections:write"] })).token,
    memberToken: (await createApiToken(member.access, { name: "reader" })).token,
  };
}

/** A consumer registered with the callback prefix, which matches every connection's callback URL. */
async function consumer(secret?: string) {
  return makeConsumer(emulator, { callbackUrl: "http://localhost:3999/callback/v1/vcs/", scopes: SCOPES, isPrivate: true, ...(secret ? { secret } : {}) });
}

async function createBody(secret?: string) {
  const c = await consumer(secret);
  return { name: "Bitbucket", vcsType: "BITBUCKET", clientId: c.key, clientSecret: c.secret, hostUrl: emulator.url, apiUrl: emulator.apiUrl };
}

describe("creating and connecting through the API", () => {
  it("creates, is connected through Bitbucket, and reports the account and scopes, never a secret or token", async () => {
    const o = await organization();
    const body = await createBody(CANARY_SECRET);
    expect(body.clientSecret).toBe(CANARY_SECRET);
    const created = await api.create(o.org, { token: o.adminToken, body });
    expect(created.status).toBe(201);
    const id: string = created.json.id;
    expect(created.json).toMatchObject({
      status: "awaiting_authorization",
      vcsType: "BITBUCKET",
      callbackUrl: `http://localhost:3999/callback/v1/vcs/${id}`,
      connectUrl: `http://localhost:3999/orgs/${o.org}/connections/${id}/connect`,
      requiredScopes: SCOPES,
    });
    expect(created.headers.get("location")).toBe(`/api/v1/organizations/${o.org}/vcs/${id}`);

    // The connectUrl needs a browser session; the same steps, through the library.
    const callback = await decideOnBitbucket(emulator, await startAuthorization(o.admin.access, id, "session-a"));
    await completeAuthorization(id, Object.fromEntries(callback), { userId: o.admin.user.id, label: "admin", sessionToken: "session-a" });

    const status = await api.status(o.org, id, { token: o.memberToken });
    expect(status.json).toMatchObject({
      status: "connected",
      account: { displayName: "Alice Anderson" },
      grantedScopes: ["account", "repository", "repository:write", "repository:admin", "webhook"],
      missingScopes: [],
      // Connect's own read of the account was the first check.
      lastCheckedAt: expect.any(String),
      lastError: null,
    });
    expect(status.json.expiresAt).toEqual(expect.any(String));
    expect((await api.get(o.org, id, { token: o.memberToken })).json).toMatchObject({ id, status: "connected" });
    expect((await api.list(o.org, { token: o.memberToken })).json.data.map((c: { id: string }) => c.id)).toEqual([id]);
    const renamed = await api.patch(o.org, id, { token: o.adminToken, body: { name: "Bitbucket Cloud" } });
    expect(renamed.json).toMatchObject({ name: "Bitbucket Cloud", status: "connected" });
    await reply(await openApiRoute.GET());

    const grant = await database.db.vcsGrant.findUniqueOrThrow({ where: { connectionId: id }, omit: { accessTokenSealed: false, refreshTokenSealed: false } });
    const secrets = [CANARY_SECRET, openSecret(grant.accessTokenSealed, sealContext.accessToken(id)), openSecret(grant.refreshTokenSealed!, sealContext.refreshToken(id))];
    for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
  });

  it("creates a draft without credentials, ignoring unknown fields", async () => {
    const o = await organization();
    const created = await api.create(o.org, { token: o.adminToken, body: { name: "Later", vcsType: "BITBUCKET", profile: "read_only", color: "blue" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: "draft", clientIdLast4: null, requiredScopes: ["repository"] });
  });
});

describe("authentication and roles", () => {
  it("lets a member read but not create", async () => {
    const o = await organization();
    expect((await api.list(o.org, { token: o.memberToken })).status).toBe(200);
    const refused = await api.create(o.org, { token: o.memberToken, body: { name: "x", vcsType: "BITBUCKET" } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("forbidden");
  });

  it("refuses a missing, unknown or revoked token with 401", async () => {
    const o = await organization();
    const revoked = await createApiToken(o.admin.access, { name: "old" });
    await revokeApiToken(o.admin.access, revoked.id);
    for (const token of [undefined, "vcsc_not-a-real-token", revoked.token]) {
      const refused = await api.list(o.org, { token });
      expect(refused.status).toBe(401);
      expect(refused.json.error.code).toBe("unauthenticated");
    }
  });

  it("answers 404 for another organization's slug or one that does not exist", async () => {
    const a = await organization();
    const b = await organization();
    expect((await api.list(b.org, { token: a.adminToken })).status).toBe(404);
    expect((await api.list("no-such-org", { token: a.adminToken })).status).toBe(404);
  });

  it("follows the creator's current role", async () => {
    const o = await organization();
    await database.db.membership.updateMany({ where: { userId: o.admin.user.id }, data: { role: "member" } });
    expect((await api.create(o.org, { token: o.adminToken, body: { name: "x", vcsType: "BITBUCKET" } })).status).toBe(403);
  });
});

describe("bad input", () => {
  it("names vcsType when it is missing or not BITBUCKET", async () => {
    const o = await organization();
    for (const body of [{ name: "x", vcsType: "GITHUB" }, { name: "x" }]) {
      const refused = await api.create(o.org, { token: o.adminToken, body });
      expect(refused.status).toBe(422);
      expect(refused.json.error).toMatchObject({ code: "invalid_input", field: "vcsType" });
      expect(refused.json.error.message).toContain("only Bitbucket Cloud is supported");
    }
  });

  it("answers malformed JSON and wrong types with 4xx, never 500", async () => {
    const o = await organization();
    for (const raw of ["{not json", "", "null", "[]", '"text"']) {
      const refused = await api.create(o.org, { token: o.adminToken, raw });
      expect([400, 422]).toContain(refused.status);
      expect(refused.json.error.code).toBe("invalid_input");
    }
    const wrongType = await api.create(o.org, { token: o.adminToken, body: { name: 42, vcsType: "BITBUCKET" } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json.error.field).toBe("name");
  });

  it("names clientSecret when the key comes alone, and when Bitbucket rejects it (storing nothing)", async () => {
    const o = await organization();
    const body = await createBody();
    const alone = await api.create(o.org, { token: o.adminToken, body: { ...body, clientSecret: undefined } });
    expect(alone.status).toBe(422);
    expect(alone.json.error.field).toBe("clientSecret");

    const wrong = await api.create(o.org, { token: o.adminToken, body: { ...body, clientSecret: "WRONG-secret-value" } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error).toMatchObject({ code: "consumer_secret_wrong", field: "clientSecret" });
    expect(wrong.text).not.toContain("WRONG-secret-value");
    expect(await database.db.vcsConnection.count({ where: { organizationId: o.admin.organization.id } })).toBe(0);
  });

  it("refuses a new hostUrl without the secret", async () => {
    const o = await organization();
    const { json } = await api.create(o.org, { token: o.adminToken, body: await createBody() });
    const refused = await api.patch(o.org, json.id, { token: o.adminToken, body: { hostUrl: "https://bitbucket.example.com" } });
    expect(refused.status).toBe(422);
    expect(refused.json.error.field).toBe("clientSecret");
  });
});

describe("deleting", () => {
  it("answers 204, then 404 for the connection and its status", async () => {
    const o = await organization();
    const { json } = await api.create(o.org, { token: o.adminToken, body: { name: "Temporary", vcsType: "BITBUCKET" } });
    expect((await api.remove(o.org, json.id, { token: o.memberToken })).status).toBe(403);
    const removed = await api.remove(o.org, json.id, { token: o.adminToken });
    expect(removed.status).toBe(204);
    expect(removed.text).toBe("");
    expect((await api.get(o.org, json.id, { token: o.adminToken })).status).toBe(404);
    expect((await api.status(o.org, json.id, { token: o.adminToken })).status).toBe(404);
    expect((await api.remove(o.org, json.id, { token: o.adminToken })).status).toBe(404);
  });
});

describe("access tokens and API tokens through the API", () => {
  it("creates with credentialType, shows it in create, show, list and status, and never returns the token", async () => {
    const o = await organization();
    const made = (await (await emulator.control("POST", "/access-tokens", { kind: "workspace", workspace: "acme", scopes: ["repository:write", "repository:admin", "webhook"], expiresInDays: 90 })).json()) as { token: string };
    const body = { name: "Workspace bot", vcsType: "BITBUCKET", credentialType: "access_token", token: made.token, resourceKind: "workspace", workspace: "acme", expiresInDays: 90, hostUrl: emulator.url, apiUrl: emulator.apiUrl };
    const created = await api.create(o.org, { token: o.adminToken, body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: "connected", credentialType: "access_token", credentialExpiresInDays: 90, tokenResource: { kind: "workspace", workspace: "acme", key: null } });
    expect((await api.get(o.org, created.json.id, { token: o.memberToken })).json.credentialType).toBe("access_token");
    expect((await api.list(o.org, { token: o.memberToken })).json.data.map((c: { credentialType: string }) => c.credentialType)).toEqual(["access_token"]);
    expect((await api.status(o.org, created.json.id, { token: o.memberToken })).json).toMatchObject({ credentialType: "access_token", credentialExpiresAt: expect.any(String) });

    const missing = await api.create(o.org, { token: o.adminToken, body: { ...body, name: "Other", workspace: undefined, resourceKind: undefined } });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.json.error.fields ?? {}).sort()).toEqual(["resourceKind", "workspace"]);
    const username = await api.create(o.org, { token: o.adminToken, body: { name: "Basic", vcsType: "BITBUCKET", credentialType: "api_token", email: "alice", token: "ATATT-x", expiresInDays: 90, hostUrl: emulator.url, apiUrl: emulator.apiUrl } });
    expect(username.json.error).toMatchObject({ code: "api_token_email_is_username", field: "email" });
    const next = (await (await emulator.control("POST", "/access-tokens", { kind: "workspace", workspace: "acme", scopes: ["repository:write", "repository:admin", "webhook"], expiresInDays: 365 })).json()) as { token: string };
    const replaced = await api.patch(o.org, created.json.id, { token: o.adminToken, body: { token: next.token, expiresInDays: 365 } });
    expect(replaced.json).toMatchObject({ id: created.json.id, status: "connected", credentialExpiresInDays: 365 });
    for (const text of bodies) expect(text).not.toContain(made.token);
    for (const text of bodies) expect(text).not.toContain(next.token);
  });
});
