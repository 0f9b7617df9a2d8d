import { describe, expect, it } from "vitest";
import { resolveTokenAccess } from "@/lib/access/resolve-access";
import { sha256 } from "@/lib/crypto/random";
import { AppError } from "@/lib/errors/app-error";
import { databaseText } from "@/test/database";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";

const database = useTestDatabase();

async function failureCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

const databaseBytes = () => databaseText(database.url);

describe("creating a token", () => {
  it("returns the value once and stores only its hash and a short prefix", async () => {
    const { access, user, organization } = await orgMember(database.db, "member");
    const created = await createApiToken(access, { name: "Terraform CI" });

    expect(created.token).toMatch(/^vcsc_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 12));
    const row = await database.db.apiToken.findUniqueOrThrow({ where: { id: created.id }, omit: { tokenHash: false } });
    expect(row).toMatchObject({ name: "Terraform CI", userId: user.id, organizationId: organization.id, revokedAt: null, lastUsedAt: null });
    expect(row.tokenHash).toBe(sha256(created.token));
    expect(row.tokenHash).not.toBe(created.token);
    expect(await databaseBytes()).not.toContain(created.token);
    expect(await databaseBytes()).not.toContain(created.token.slice(12));

    const [event] = await database.db.auditEvent.findMany({ where: { organizationId: organization.id, action: "api_token.created" } });
    expect(event).toMatchObject({ targetId: created.id, actorUserId: user.id });
    expect(JSON.stringify(event)).not.toContain(created.token.slice(12));
  });

  it("acts with the creator's current role, updates lastUsedAt, and stops when the creator leaves", async () => {
    const admin = await orgMember(database.db, "admin");
    const { token, id } = await createApiToken(admin.access, { name: "deploy" });

    expect((await resolveTokenAccess(token, admin.organization.slug)).role).toBe("admin");
    const used = await database.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(used.lastUsedAt).toBeInstanceOf(Date);

    await database.db.membership.updateMany({ where: { userId: admin.user.id }, data: { role: "member" } });
    expect((await resolveTokenAccess(token, admin.organization.slug)).role).toBe("member");

    await database.db.membership.deleteMany({ where: { userId: admin.user.id } });
    expect(await failureCode(resolveTokenAccess(token, admin.organization.slug))).toBe("unauthenticated");
  });
});

describe("listing tokens", () => {
  it("shows members their own tokens, and owners and admins everyone's, never the hash", async () => {
    const owner = await orgMember(database.db, "owner");
    const member = await orgMember(database.db, "member", owner.organization.id);
    await createApiToken(owner.access, { name: "owner token" });
    await createApiToken(member.access, { name: "member token" });

    const own = await listApiTokens(member.access);
    expect(own.map((t) => [t.name, t.mine])).toEqual([["member token", true]]);
    expect(own[0]).not.toHaveProperty("tokenHash");
    expect(await failureCode(listApiTokens(member.access, { everyone: true }))).toBe("forbidden");

    const all = await listApiTokens(owner.access, { everyone: true });
    expect(all.map((t) => t.name).sort()).toEqual(["member token", "owner token"]);
    expect(all.find((t) => t.name === "member token")).toMatchObject({ mine: false, owner: { id: member.user.id } });
  });
});

describe("revoking a token", () => {
  it("lets a member revoke their own, after which it is refused, and audits it once", async () => {
    const member = await orgMember(database.db, "member");
    const { token, id } = await createApiToken(member.access, { name: "laptop" });

    const { revokedAt } = await revokeApiToken(member.access, id);
    expect(await failureCode(resolveTokenAccess(token, member.organization.slug))).toBe("unauthenticated");
    expect((await revokeApiToken(member.access, id)).revokedAt).toEqual(revokedAt);
    expect(await database.db.auditEvent.count({ where: { targetId: id, action: "api_token.revoked" } })).toBe(1);
    expect((await listApiTokens(member.access))[0]?.revokedAt).toEqual(revokedAt);
  });

  it("lets admins revoke anyone's, but not members, and never across organizations", async () => {
    const admin = await orgMember(database.db, "admin");
    const member = await orgMember(database.db, "member", admin.organization.id);
    const colleague = await orgMember(database.db, "member", admin.organization.id);
    const outsider = await orgMember(database.db, "owner");
    const target = await createApiToken(member.access, { name: "ci" });

    expect(await failureCode(revokeApiToken(colleague.access, target.id))).toBe("forbidden");
    expect(await failureCode(revokeApiToken(outsider.access, target.id))).toBe("not_found");
    await revokeApiToken(admin.access, target.id);
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { targetId: target.id, action: "api_token.revoked" } });
    expect(event.actorUserId).toBe(admin.user.id);
  });
});
