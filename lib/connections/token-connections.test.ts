import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type TestEmulator } from "@/emulator/test/helpers";
import { getConnection } from "@/lib/connections/read-connections";
import { isAppError } from "@/lib/errors/app-error";
import { checkConnection } from "@/lib/health/check-connection";
import { browseConnection } from "@/lib/projects/browse-connection";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { createConnection } from "./create-connection";
import { getAccessToken } from "./get-access-token";
import { getCredential } from "./get-credential";
import { replaceToken } from "./replace-token";
import type { CreateInput } from "./schemas";

const database = useTestDatabase();
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

type Made = { id: string; token: string; email?: string };

async function accessToken(body: Record<string, unknown>): Promise<Made> {
  const res = await emulator.control("POST", "/access-tokens", { workspace: "acme", scopes: ["repository:write", "repository:admin", "webhook"], expiresInDays: 90, ...body });
  return (await res.json()) as Made;
}

async function apiToken(scopes = ["read:user:bitbucket", "read:workspace:bitbucket", "read:repository:bitbucket", "read:webhook:bitbucket", "write:webhook:bitbucket"]): Promise<Made> {
  const res = await emulator.control("POST", "/api-tokens", { username: "alice", scopes, expiresInDays: 180 });
  return (await res.json()) as Made;
}

let n = 0;
const base = (): CreateInput => ({ name: `Tokens ${++n}`, profile: "repository_sync", hostUrl: emulator.url, apiUrl: emulator.apiUrl });

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, field: error.field, detail: error.detail };
    throw error;
  }
  throw new Error("expected a failure");
}

describe("access token connections", () => {
  it("are verified, stored sealed, connected at once, and browse only their own project", async () => {
    const admin = await orgMember(database.db, "admin");
    const t = await accessToken({ kind: "project", project: "DATA" });
    const created = await createConnection(admin.access, {
      ...base(), credentialType: "access_token", token: t.token, resourceKind: "project", workspace: "acme", project: "DATA", expiresInDays: 90,
    });
    const view = await getConnection(admin.access, created.id);
    expect(view).toMatchObject({ status: "connected", credentialType: "access_token", credentialExpiresInDays: 90, tokenResource: { kind: "project", workspace: "acme", key: "DATA" } });
    // The verification was the first health check: the page has a last check at once.
    const checks = await database.db.healthEvent.findMany({ where: { connectionId: created.id, kind: "check" } });
    expect(checks).toMatchObject([{ ok: true, errorCode: null }]);
    expect(view.lastCheckedAt).toBe(checks[0]!.createdAt.toISOString());
    expect(JSON.stringify(view)).not.toContain(t.token);
    const workspaces = await browseConnection(admin.access, { connectionId: created.id, sort: "name", page: 1 });
    expect(workspaces).toMatchObject({ kind: "workspaces", workspaces: [{ slug: "acme" }] });
    const repos = await browseConnection(admin.access, { connectionId: created.id, workspace: "acme", sort: "name", page: 1 });
    if (repos.kind !== "repositories") throw new Error("expected repositories");
    expect(repos.repositories.map((r) => r.slug).sort()).toEqual(["analytics-dashboard", "data-pipeline", "etl-jobs", "ml-models", "search-indexer"]);
    expect(await checkConnection(created.id)).toMatchObject({ ok: true });
    const credential = await getCredential(created.id);
    expect(credential.type).toBe("access_token");
    expect(credential.authorization()).toBe(`Bearer ${t.token}`);
    expect(credential.identity()).toBe("Project DATA in acme");
    expect(await getAccessToken(created.id)).toBe(t.token);
  }, 20_000);

  it("name the field: unknown token, wrong repository, missing permission, an API token pasted, a past date", async () => {
    const admin = await orgMember(database.db, "admin");
    const repoToken = await accessToken({ kind: "repository", repository: "docs" });
    const input = { ...base(), credentialType: "access_token" as const, resourceKind: "repository" as const, workspace: "acme", repository: "docs", expiresInDays: 90 as const };
    expect(await failure(createConnection(admin.access, { ...input, token: "ATCTT3xFfGN0unknown" }))).toMatchObject({ code: "token_rejected", field: "token" });
    expect(await failure(createConnection(admin.access, { ...input, repository: "api-gateway", token: repoToken.token }))).toMatchObject({ code: "token_resource_mismatch", field: "repository" });
    const readOnly = await accessToken({ kind: "repository", repository: "docs", scopes: ["repository"] });
    expect(await failure(createConnection(admin.access, { ...input, token: readOnly.token }))).toMatchObject({ code: "token_missing_permission", field: "scopes", detail: "Webhooks: Read and write" });
    const api = await apiToken();
    expect(await failure(createConnection(admin.access, { ...input, token: api.token }))).toMatchObject({ code: "access_token_is_api_token", field: "token" });
    expect(await failure(createConnection(admin.access, { ...input, token: repoToken.token, expiresInDays: undefined, expiresOn: "2020-01-01" }))).toMatchObject({ code: "token_expiry_past", field: "expiresOn" });
    // The token would go to the API URL: one that is not the host's own is refused before any request.
    expect(await failure(createConnection(admin.access, { ...input, token: repoToken.token, apiUrl: "https://api.elsewhere.example/2.0" }))).toMatchObject({ code: "api_url_not_on_host", field: "apiUrl" });
    expect(await database.db.vcsConnection.count({ where: { organizationId: admin.organization.id } })).toBe(0);
  });

  it("an expired token marks the connection for a new one; replacing it keeps the connection and its id", async () => {
    const admin = await orgMember(database.db, "admin");
    const t = await accessToken({ kind: "workspace" });
    const created = await createConnection(admin.access, {
      ...base(), credentialType: "access_token", token: t.token, resourceKind: "workspace", workspace: "acme", expiresInDays: 90,
    });
    await emulator.control("POST", "/credentials/expire", { id: t.id });
    expect(await checkConnection(created.id)).toMatchObject({ ok: false });
    expect(await getConnection(admin.access, created.id)).toMatchObject({ status: "needs_reauthorization", lastError: { code: "bitbucket_token_revoked" } });
    const stale = await accessToken({ kind: "workspace", workspace: "carol-labs" });
    expect(await failure(replaceToken(admin.access, created.id, { token: stale.token, expiresInDays: 180 }))).toMatchObject({ code: "token_resource_mismatch", field: "workspace" });
    expect(await getConnection(admin.access, created.id)).toMatchObject({ status: "needs_reauthorization" });
    const fresh = await accessToken({ kind: "workspace" });
    await replaceToken(admin.access, created.id, { token: fresh.token, expiresInDays: 180 });
    expect(await getConnection(admin.access, created.id)).toMatchObject({ id: created.id, status: "connected", credentialExpiresInDays: 180, lastError: null });
    expect(await checkConnection(created.id)).toMatchObject({ ok: true });
  }, 20_000);
});

describe("API token connections", () => {
  it("use Basic with the email, identify the account, and pass health checks", async () => {
    const admin = await orgMember(database.db, "admin");
    const t = await apiToken();
    const created = await createConnection(admin.access, { ...base(), credentialType: "api_token", email: "alice@acme.example", token: t.token, expiresOn: "2099-01-01" });
    const view = await getConnection(admin.access, created.id);
    expect(view).toMatchObject({ status: "connected", credentialType: "api_token", credentialEmail: "alice@acme.example", account: { displayName: "Alice Anderson" } });
    expect(view.credentialExpiresAt).toBe("2099-01-01T00:00:00.000Z");
    const credential = await getCredential(created.id);
    expect(credential.authorization()).toBe(`Basic ${Buffer.from(`alice@acme.example:${t.token}`).toString("base64")}`);
    expect(await checkConnection(created.id)).toMatchObject({ ok: true });
    const workspaces = await browseConnection(admin.access, { connectionId: created.id, sort: "name", page: 1 });
    expect(workspaces).toMatchObject({ kind: "workspaces" });
    expect(await failure(getAccessToken(created.id))).toMatchObject({ code: "credential_type_mismatch" });
  });

  it("name the field: a username instead of the email, a wrong email, missing scopes, an access token pasted", async () => {
    const admin = await orgMember(database.db, "admin");
    const t = await apiToken();
    const input = { ...base(), credentialType: "api_token" as const, token: t.token, expiresInDays: 365 as const };
    expect(await failure(createConnection(admin.access, { ...input, email: "alice" }))).toMatchObject({ code: "api_token_email_is_username", field: "email" });
    expect(await failure(createConnection(admin.access, { ...input, email: "bob@acme.example" }))).toMatchObject({ code: "api_token_rejected", field: "token" });
    const narrow = await apiToken(["read:user:bitbucket", "read:workspace:bitbucket", "read:repository:bitbucket"]);
    expect(await failure(createConnection(admin.access, { ...input, email: "alice@acme.example", token: narrow.token }))).toMatchObject({
      code: "token_missing_permission", field: "scopes", detail: "read:webhook:bitbucket",
    });
    const access = await accessToken({ kind: "workspace" });
    expect(await failure(createConnection(admin.access, { ...input, email: "alice@acme.example", token: access.token }))).toMatchObject({ code: "api_token_is_access_token", field: "token" });
  });
});

describe("OAuth connections", () => {
  it("record when the refresh token ends (3 months after its last use)", async () => {
    const { connectedConnection } = await import("@/test/connected-connection");
    const c = await connectedConnection(database.db, emulator);
    const view = await getConnection(c.access, c.id);
    expect(view.credentialType).toBe("oauth_consumer");
    expect(view.credentialExpiresInDays).toBe(90);
    const credential = await getCredential(c.id);
    expect(credential.authorization()).toMatch(/^Bearer /);
    expect(credential.expiresAt()).toBeInstanceOf(Date);
  });
});
