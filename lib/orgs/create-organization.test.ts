import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/use-test-database";
import { createOrganization } from "./create-organization";

const database = useTestDatabase();

async function createActor(name: string, role: "owner" | "member" = "owner") {
  const user = await database.db.user.create({ data: { name, email: `${name}@example.test`, role } });
  return { type: "user" as const, userId: user.id, label: name };
}

describe("createOrganization", () => {
  it("is refused to anyone but the instance owner", async () => {
    const member = await createActor("mallory", "member");
    await expect(createOrganization(member, { name: "Mallory's", slug: "mallorys" })).rejects.toMatchObject({ code: "instance_owner_only" });
    expect(await database.db.organization.count({ where: { slug: "mallorys" } })).toBe(0);
  });

  it("makes the creator its owner", async () => {
    const actor = await createActor("olga");
    const organization = await createOrganization(actor, { name: "Olga's Org", slug: "olgas-org" });

    expect(organization).toMatchObject({ name: "Olga's Org", slug: "olgas-org" });
    const memberships = await database.db.membership.findMany({ where: { organizationId: organization.id } });
    expect(memberships).toEqual([expect.objectContaining({ userId: actor.userId, role: "owner" })]);
  });

  it("records an organization.created audit event by the creator", async () => {
    const actor = await createActor("pete");
    const organization = await createOrganization(actor, { name: "Pete Co", slug: "pete-co" });

    const events = await database.db.auditEvent.findMany({ where: { organizationId: organization.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "organization.created",
      actorType: "user",
      actorUserId: actor.userId,
      actorLabel: "pete",
      targetType: "organization",
      targetId: organization.id,
      before: null,
    });
    expect(JSON.parse(events[0]?.after ?? "null")).toEqual({ name: "Pete Co", slug: "pete-co" });
  });

  it("refuses a slug that is taken, naming the slug field, and leaves nothing behind", async () => {
    const first = await createActor("quinn");
    const second = await createActor("rosa");
    await createOrganization(first, { name: "Shared", slug: "shared" });

    await expect(createOrganization(second, { name: "Another", slug: "shared" })).rejects.toMatchObject({
      code: "slug_taken",
      field: "slug",
    });
    expect(await database.db.organization.count({ where: { slug: "shared" } })).toBe(1);
    expect(await database.db.membership.count({ where: { userId: second.userId } })).toBe(0);
  });
});
