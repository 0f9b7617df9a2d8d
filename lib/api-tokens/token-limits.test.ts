import { describe, expect, it } from "vitest";
import * as itemRoute from "@/app/api/v1/organizations/[org]/vcs/[id]/route";
import * as collectionRoute from "@/app/api/v1/organizations/[org]/vcs/route";
import { resolveTokenAccess } from "@/lib/access/resolve-access";
import { AppError } from "@/lib/errors/app-error";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";

const database = useTestDatabase();
const DAY_MS = 86_400_000;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const context = <P>(params: P) => ({ params: Promise.resolve(params) });
function call(method: string, path: string, token: string, body?: unknown): Request {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost:3999/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe("expiry", () => {
  it("expires after 90 days unless another term, or never, is chosen explicitly", async () => {
    const { access } = await orgMember(database.db, "member");
    const byDefault = await createApiToken(access, { name: "default" });
    const short = await createApiToken(access, { name: "short", expiresInDays: 7 });
    const never = await createApiToken(access, { name: "forever", expiresInDays: "never" });

    const near = (date: Date | null, days: number) => Math.abs(date!.getTime() - (Date.now() + days * DAY_MS)) < 60_000;
    expect(near(byDefault.expiresAt, 90)).toBe(true);
    expect(near(short.expiresAt, 7)).toBe(true);
    expect(never.expiresAt).toBeNull();
    const listed = await listApiTokens(access);
    expect(listed.find((t) => t.name === "forever")?.expiresAt).toBeNull();
    expect(near(listed.find((t) => t.name === "default")!.expiresAt, 90)).toBe(true);
  });

  it("answers an expired token 401 token_expired with the fix, from the API too", async () => {
    const { access, organization } = await orgMember(database.db, "admin");
    const { token, id } = await createApiToken(access, { name: "old CI" });
    await database.db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const error = await failure(resolveTokenAccess(token, organization.slug));
    expect(error.code).toBe("token_expired");
    expect(error.httpStatus).toBe(401);

    const response = await collectionRoute.GET(call("GET", `/organizations/${organization.slug}/vcs`, token), context({ org: organization.slug }));
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.error.code).toBe("token_expired");
    expect(body.error.hint).toContain("Settings → API tokens");
  });
});

describe("read-only tokens", () => {
  it("read, but cannot create, change or delete, even when their creator is an admin", async () => {
    const { access, organization } = await orgMember(database.db, "admin");
    const org = organization.slug;
    const reader = await createApiToken(access, { name: "dashboard", scopes: ["connections:read"] });
    const writer = await createApiToken(access, { name: "terraform", scopes: ["connections:read", "connections:write"] });

    expect((await collectionRoute.GET(call("GET", `/organizations/${org}/vcs`, reader.token), context({ org }))).status).toBe(200);
    const refused = await collectionRoute.POST(call("POST", `/organizations/${org}/vcs`, reader.token, { name: "x", vcsType: "BITBUCKET" }), context({ org }));
    expect(refused.status).toBe(403);
    const body = await refused.json();
    expect(body.error.code).toBe("token_scope_missing");
    expect(body.error.message).toContain("connections:write");
    expect(await database.db.vcsConnection.count({ where: { organizationId: organization.id } })).toBe(0);

    const created = await collectionRoute.POST(call("POST", `/organizations/${org}/vcs`, writer.token, { name: "x", vcsType: "BITBUCKET" }), context({ org }));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const patch = await itemRoute.PATCH(call("PATCH", `/organizations/${org}/vcs/${id}`, reader.token, { name: "y" }), context({ org, id }));
    expect(patch.status).toBe(403);
    const remove = await itemRoute.DELETE(call("DELETE", `/organizations/${org}/vcs/${id}`, reader.token), context({ org, id }));
    expect(remove.status).toBe(403);
    expect(await database.db.vcsConnection.count({ where: { id } })).toBe(1);
  });
});

describe("last used", () => {
  it("is written at most once a minute per token, not on every request", async () => {
    const { access, organization } = await orgMember(database.db, "member");
    const { token, id } = await createApiToken(access, { name: "poller" });
    const lastUsed = async () => (await database.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;

    await resolveTokenAccess(token, organization.slug);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    for (let i = 0; i < 5; i++) await resolveTokenAccess(token, organization.slug);
    expect(await lastUsed()).toEqual(first);

    const thirtySecondsAgo = new Date(Date.now() - 30_000);
    await database.db.apiToken.update({ where: { id }, data: { lastUsedAt: thirtySecondsAgo } });
    await resolveTokenAccess(token, organization.slug);
    expect(await lastUsed()).toEqual(thirtySecondsAgo);

    await database.db.apiToken.update({ where: { id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await resolveTokenAccess(token, organization.slug);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });
});
