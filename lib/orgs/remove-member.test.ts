import { describe, expect, it } from "vitest";
import { resolveTokenAccess, resolveUserAccess } from "@/lib/access/resolve-access";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { useTestDatabase } from "@/test/use-test-database";
import { leaveOrganization, removeMember } from "./remove-member";
import type { OrgRole } from "@/lib/access/roles";

const database = useTestDatabase();
let sequence = 0;

async function organizationWith(roles: OrgRole[]) {
  const n = ++sequence;
  const organization = await database.db.organization.create({ data: { name: `Org ${n}`, slug: `rm-org-${n}` } });
  const people: { id: string; name: string | null; email: string | null }[] = [];
  for (const [i, role] of roles.entries()) {
    const user = await database.db.user.create({ data: { name: `${role}-${n}-${i}`, email: `rm-${role}-${n}-${i}@example.test` } });
    await database.db.membership.create({ data: { organizationId: organization.id, userId: user.id, role } });
    people.push(user);
  }
  const accessOf = (index: number) => resolveUserAccess(people[index]!, organization.slug);
  return { organization, people, accessOf };
}

const isMember = async (organizationId: string, userId: string) =>
  (await database.db.membership.count({ where: { organizationId, userId } })) === 1;

describe("removing people from an organization", () => {
  it("an admin removes a member: their next request, by session or API token, no longer reaches the organization", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner", "admin", "member"]);
    const { token } = await createApiToken(await accessOf(2), { name: "laptop" });
    await expect(resolveTokenAccess(token, organization.slug)).resolves.toMatchObject({ role: "member" });

    const result = await removeMember(await accessOf(1), people[2]!.id);

    expect(result.revokedTokens).toBe(1);
    await expect(resolveUserAccess(people[2]!, organization.slug)).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveTokenAccess(token, organization.slug)).rejects.toMatchObject({ code: "unauthenticated" });
    const revoked = await database.db.apiToken.findFirstOrThrow({ where: { userId: people[2]!.id } });
    expect(revoked.revokedAt).not.toBeNull();
    const events = await database.db.auditEvent.findMany({ where: { organizationId: organization.id, action: "member.removed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: people[1]!.id, targetId: people[2]!.id });
    expect(JSON.parse(events[0]!.after!)).toEqual({ revokedApiTokens: 1 });
  });

  it("an admin cannot remove an owner; an owner can, but never the last one", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner", "admin", "owner"]);

    await expect(removeMember(await accessOf(1), people[0]!.id)).rejects.toMatchObject({ code: "owner_removal_forbidden" });
    expect(await isMember(organization.id, people[0]!.id)).toBe(true);

    await removeMember(await accessOf(0), people[2]!.id);
    expect(await isMember(organization.id, people[2]!.id)).toBe(false);

    await expect(leaveOrganization(await accessOf(0))).rejects.toMatchObject({ code: "last_owner_removal" });
    expect(await isMember(organization.id, people[0]!.id)).toBe(true);
  });

  it("a member cannot remove anyone but can leave, which is audited as leaving", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner", "member", "member"]);

    await expect(removeMember(await accessOf(1), people[2]!.id)).rejects.toMatchObject({ code: "forbidden" });
    await removeMember(await accessOf(1), people[1]!.id);

    expect(await isMember(organization.id, people[1]!.id)).toBe(false);
    expect(await isMember(organization.id, people[2]!.id)).toBe(true);
    const events = await database.db.auditEvent.findMany({ where: { organizationId: organization.id } });
    expect(events.map((e) => e.action)).toEqual(["member.left"]);
  });

  it("only touches the organization it is asked about", async () => {
    const first = await organizationWith(["owner", "member"]);
    const second = await database.db.organization.create({ data: { name: "Other", slug: `rm-other-${++sequence}` } });
    await database.db.membership.create({ data: { organizationId: second.id, userId: first.people[1]!.id, role: "member" } });
    const otherToken = await createApiToken(await resolveUserAccess(first.people[1]!, second.slug), { name: "other" });

    await removeMember(await first.accessOf(0), first.people[1]!.id);

    expect(await isMember(second.id, first.people[1]!.id)).toBe(true);
    await expect(resolveTokenAccess(otherToken.token, second.slug)).resolves.toMatchObject({ role: "member" });
    await expect(removeMember(await first.accessOf(0), first.people[1]!.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
