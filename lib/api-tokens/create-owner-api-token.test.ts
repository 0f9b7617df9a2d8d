import { describe, expect, it } from "vitest";
import { resolveTokenAccess } from "@/lib/access/resolve-access";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { createOwnerApiToken, OwnerTokenError } from "./create-owner-api-token";

const database = useTestDatabase();

async function problem(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OwnerTokenError);
  return (error as Error).message;
}

describe("the operator's owner token (npm run token:create)", () => {
  it("belongs to the organization's first owner unless an owner is named", async () => {
    const first = await orgMember(database.db, "owner");
    const second = await orgMember(database.db, "owner", first.organization.id);
    const slug = first.organization.slug;

    const byDefault = await createOwnerApiToken({ orgSlug: slug, name: "bootstrap" });
    expect(byDefault.owner).toBe(first.user.email);
    expect(await resolveTokenAccess(byDefault.token, slug)).toMatchObject({ role: "owner", actor: { userId: first.user.id } });

    const named = await createOwnerApiToken({ orgSlug: slug, name: "bootstrap", email: second.user.email! });
    expect((await resolveTokenAccess(named.token, slug)).actor.userId).toBe(second.user.id);
  });

  it("names the problem: unknown organization, someone who is not an owner, no owner at all", async () => {
    const member = await orgMember(database.db, "member");
    const slug = member.organization.slug;

    expect(await problem(createOwnerApiToken({ orgSlug: "no-such-org", name: "x" }))).toContain("No organization has the slug “no-such-org”");
    expect(await problem(createOwnerApiToken({ orgSlug: slug, name: "x", email: member.user.email! }))).toContain("is not an owner");
    expect(await problem(createOwnerApiToken({ orgSlug: slug, name: "x" }))).toContain("has no owner");
    expect(await database.db.apiToken.count({ where: { organizationId: member.organization.id } })).toBe(0);
  });
});
