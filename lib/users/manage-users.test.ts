import { describe, expect, it } from "vitest";
import { resolveTokenAccess, resolveUserAccess } from "@/lib/access/resolve-access";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { createUserClaimingInstance } from "@/lib/auth/instance-owner";
import { useTestDatabase } from "@/test/use-test-database";
import { requireInstanceOwner } from "./instance-owner";
import { blockUser, transferInstanceOwnership, unblockUser } from "./manage-users";

const database = useTestDatabase();
let sequence = 0;
const person = (name: string) => createUserClaimingInstance(database.db, { name, email: `${name}-${++sequence}@example.test`, emailVerified: null, image: null });

describe("the instance owner manages people", () => {
  it("hands the instance to another user, audited; the previous owner loses the power", async () => {
    const owner = await person("olga");
    const other = await person("piet");
    expect(owner.role).toBe("owner");

    await transferInstanceOwnership(await requireInstanceOwner(owner), other.id);

    expect(await database.db.instance.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ ownerUserId: other.id });
    expect(await database.db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ role: "owner" });
    expect(await database.db.user.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({ role: "member" });
    await expect(requireInstanceOwner(owner)).rejects.toMatchObject({ code: "instance_owner_required" });
    const events = await database.db.instanceAuditEvent.findMany({ where: { action: "instance.owner_transferred" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: owner.id, targetId: other.id });

    // Hand it back so the next test starts from the first owner.
    await transferInstanceOwnership(await requireInstanceOwner(other), owner.id);
  });

  it("blocks a user: their sessions end and their API tokens stop; unblocking restores tokens, not sessions", async () => {
    const owner = await database.db.user.findFirstOrThrow({ where: { role: "owner" } });
    const blocked = await person("quinn");
    const organization = await database.db.organization.create({ data: { name: "Blocky", slug: `blocky-${++sequence}` } });
    await database.db.membership.create({ data: { organizationId: organization.id, userId: blocked.id, role: "admin" } });
    const { token } = await createApiToken(await resolveUserAccess({ ...blocked, name: blocked.name ?? null }, organization.slug), { name: "ci" });
    await database.db.session.create({ data: { sessionToken: `s-${sequence}`, userId: blocked.id, expires: new Date(Date.now() + 86_400_000) } });

    const actor = await requireInstanceOwner(owner);
    expect(await blockUser(actor, blocked.id)).toEqual({ endedSessions: 1 });

    expect(await database.db.session.count({ where: { userId: blocked.id } })).toBe(0);
    await expect(resolveTokenAccess(token, organization.slug)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(blockUser(actor, owner.id)).rejects.toMatchObject({ code: "instance_owner_protected" });
    await expect(transferInstanceOwnership(actor, blocked.id)).rejects.toMatchObject({ code: "user_blocked" });

    await unblockUser(actor, blocked.id);
    await expect(resolveTokenAccess(token, organization.slug)).resolves.toMatchObject({ role: "admin" });
    const actions = (await database.db.instanceAuditEvent.findMany({ where: { targetId: blocked.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.blocked", "user.unblocked"]);
  });

  it("refuses all of it to anyone but the instance owner", async () => {
    const member = await person("rita");
    await expect(requireInstanceOwner(member)).rejects.toMatchObject({ code: "instance_owner_required" });
  });
});
