import { describe, expect, it, vi } from "vitest";
import { resolveUserAccess } from "@/lib/access/resolve-access";
import { useTestDatabase } from "@/test/use-test-database";
import { changeMemberRole, listMembers, setMember } from "./members";
import { removeMember } from "./remove-member";
import type { OrgRole } from "@/lib/access/roles";

const database = useTestDatabase();
let sequence = 0;

/** A fresh organization with one person per given role; names are unique across tests. */
async function organizationWith(roles: OrgRole[]) {
  const n = ++sequence;
  const organization = await database.db.organization.create({ data: { name: `Org ${n}`, slug: `org-${n}` } });
  const people: { id: string; name: string | null; email: string | null }[] = [];
  for (const [i, role] of roles.entries()) {
    const user = await database.db.user.create({ data: { name: `${role}-${n}-${i}`, email: `${role}-${n}-${i}@example.test` } });
    await database.db.membership.create({ data: { organizationId: organization.id, userId: user.id, role } });
    people.push(user);
  }
  const accessOf = (index: number) => resolveUserAccess(people[index]!, organization.slug);
  return { organization, people, accessOf };
}

async function signedInBefore(name: string) {
  return database.db.user.create({ data: { name, email: `${name}-${++sequence}@example.test` } });
}

// Sorted by action, not time: two events can share a millisecond.
const auditOf = (organizationId: string) =>
  database.db.auditEvent.findMany({ where: { organizationId }, orderBy: { action: "asc" } });

describe("setMember", () => {
  it("lets an admin add someone who has signed in before, as a member", async () => {
    const { organization, accessOf } = await organizationWith(["owner", "admin"]);
    const newcomer = await signedInBefore("nina");

    await setMember(await accessOf(1), { email: newcomer.email!, role: "member" });

    const members = await listMembers(organization.id);
    expect(members.find((m) => m.id === newcomer.id)).toMatchObject({ role: "member", email: newcomer.email });
  });

  it("does not let an admin grant ownership", async () => {
    const { organization, accessOf } = await organizationWith(["owner", "admin"]);
    const newcomer = await signedInBefore("omar");

    await expect(setMember(await accessOf(1), { email: newcomer.email!, role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await database.db.membership.count({ where: { organizationId: organization.id, userId: newcomer.id } })).toBe(0);
  });

  it("does not let a member add anyone", async () => {
    const { organization, accessOf } = await organizationWith(["owner", "member"]);
    const newcomer = await signedInBefore("paul");

    await expect(setMember(await accessOf(1), { email: newcomer.email!, role: "member" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await auditOf(organization.id)).toHaveLength(0);
  });

  it("keeps the last owner: demoting them fails on the role field", async () => {
    const { people, accessOf } = await organizationWith(["owner"]);

    await expect(setMember(await accessOf(0), { email: people[0]!.email!, role: "admin" })).rejects.toMatchObject({
      code: "last_owner",
      field: "role",
    });
  });

  it("lets an owner step down once another owner exists", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner", "owner"]);

    await setMember(await accessOf(0), { email: people[0]!.email!, role: "admin" });

    const roles = new Map((await listMembers(organization.id)).map((m) => [m.id, m.role]));
    expect([roles.get(people[0]!.id), roles.get(people[1]!.id)]).toEqual(["admin", "owner"]);
  });

  it("judges a role change by the role inside its transaction, not one read before it", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner", "admin", "member"]);
    const admin = await accessOf(1);
    const target = people[2]!;
    // An owner promotes the member to owner between the admin's page load and the admin's change.
    const original = database.db.$transaction.bind(database.db);
    const race = vi.spyOn(database.db, "$transaction").mockImplementationOnce(async (...args: unknown[]) => {
      await database.db.membership.update({ where: { organizationId_userId: { organizationId: organization.id, userId: target.id } }, data: { role: "owner" } });
      return (original as (...a: unknown[]) => Promise<unknown>)(...args);
    });
    try {
      await expect(setMember(admin, { email: target.email!, role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    } finally {
      race.mockRestore();
    }
    const membership = await database.db.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: organization.id, userId: target.id } } });
    expect(membership.role).toBe("owner");
  });

  it("reports an unknown email as not_found on the email field", async () => {
    const { accessOf } = await organizationWith(["owner"]);

    await expect(setMember(await accessOf(0), { email: "nobody@example.test", role: "member" })).rejects.toMatchObject({
      code: "not_found",
      field: "email",
    });
  });

  it("writes an audit event for every change, with the role before and after", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner"]);
    const newcomer = await signedInBefore("rita");
    const owner = await accessOf(0);

    await setMember(owner, { email: newcomer.email!, role: "member" });
    await setMember(owner, { email: newcomer.email!, role: "admin" });

    const events = await auditOf(organization.id);
    expect(events.map((e) => [e.action, e.actorUserId, e.targetId])).toEqual([
      ["member.added", people[0]!.id, newcomer.id],
      ["member.role_changed", people[0]!.id, newcomer.id],
    ]);
    expect(events.map((e) => [e.before && JSON.parse(e.before), JSON.parse(e.after ?? "null")])).toEqual([
      [null, { email: newcomer.email, role: "member" }],
      [{ role: "member" }, { email: newcomer.email, role: "admin" }],
    ]);
  });
});

describe("changeMemberRole", () => {
  const roleOf = async (organizationId: string, userId: string) =>
    (await database.db.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId, userId } } })).role;

  it("lets an owner make a member an admin and back, each change audited with the role before and after", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner", "member"]);
    const owner = await accessOf(0);
    const member = people[1]!;

    await changeMemberRole(owner, { userId: member.id, role: "admin" });
    expect(await roleOf(organization.id, member.id)).toBe("admin");
    await changeMemberRole(owner, { userId: member.id, role: "member" });
    expect(await roleOf(organization.id, member.id)).toBe("member");

    const events = await database.db.auditEvent.findMany({ where: { organizationId: organization.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => [e.action, e.actorUserId, e.targetId, JSON.parse(e.before!), JSON.parse(e.after!)])).toEqual([
      ["member.role_changed", people[0]!.id, member.id, { role: "member" }, { email: member.email, role: "admin" }],
      ["member.role_changed", people[0]!.id, member.id, { role: "admin" }, { email: member.email, role: "member" }],
    ]);
  });

  it("lets an admin move people between member and admin, but refuses granting ownership", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner", "admin", "member"]);
    const admin = await accessOf(1);

    await changeMemberRole(admin, { userId: people[2]!.id, role: "admin" });
    expect(await roleOf(organization.id, people[2]!.id)).toBe("admin");

    await expect(changeMemberRole(admin, { userId: people[2]!.id, role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(organization.id, people[2]!.id)).toBe("admin");
  });

  it("refuses an admin taking ownership away", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner", "owner", "admin"]);

    await expect(changeMemberRole(await accessOf(2), { userId: people[1]!.id, role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(organization.id, people[1]!.id)).toBe("owner");
  });

  it("refuses a member, and keeps the last owner", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner", "member"]);

    await expect(changeMemberRole(await accessOf(1), { userId: people[1]!.id, role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(await accessOf(0), { userId: people[0]!.id, role: "admin" })).rejects.toMatchObject({ code: "last_owner", field: "role" });
    expect(await roleOf(organization.id, people[0]!.id)).toBe("owner");
    expect(await auditOf(organization.id)).toHaveLength(0);
  });

  it("changes only members: someone outside the organization is not found, not added", async () => {
    const { organization, accessOf } = await organizationWith(["owner"]);
    const outsider = await signedInBefore("sam");

    await expect(changeMemberRole(await accessOf(0), { userId: outsider.id, role: "admin" })).rejects.toMatchObject({ code: "not_found" });
    expect(await database.db.membership.count({ where: { organizationId: organization.id, userId: outsider.id } })).toBe(0);
  });

  it("records nothing when the role stays the same", async () => {
    const { organization, people, accessOf } = await organizationWith(["owner", "admin"]);

    await changeMemberRole(await accessOf(0), { userId: people[1]!.id, role: "admin" });
    expect(await auditOf(organization.id)).toHaveLength(0);
  });
});

describe("the last owner", () => {
  // Two owners at once, each taking the other's ownership (or membership) away: on PostgreSQL
  // the two transactions run side by side, and each alone would see two owners.
  it("stays, however two owners demote or remove each other at the same moment", async () => {
    for (let round = 0; round < 8; round++) {
      const { organization, people, accessOf } = await organizationWith(["owner", "owner"]);
      const [first, second] = [await accessOf(0), await accessOf(1)];
      const outcomes = await Promise.allSettled(
        round % 2 === 0
          ? [changeMemberRole(first, { userId: people[1]!.id, role: "admin" }), changeMemberRole(second, { userId: people[0]!.id, role: "admin" })]
          : [removeMember(first, people[1]!.id), removeMember(second, people[0]!.id)],
      );
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      expect(await database.db.membership.count({ where: { organizationId: organization.id, role: "owner" } })).toBe(1);
    }
  });
});
