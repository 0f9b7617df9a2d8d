import { describe, expect, it } from "vitest";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { auditHref, auditQuery, type AuditQuery } from "./audit-query";
import { readAuditLog } from "./read-audit-log";

const database = useTestDatabase();

type Seed = { action: string; by: { userId: string; label: string } | "system"; at: Date };

/** Events as stored, at chosen times (several in one millisecond), oldest first in `seeds`. */
async function seed(organizationId: string, seeds: Seed[]) {
  for (const event of seeds) {
    await database.db.auditEvent.create({
      data: {
        organizationId,
        actorType: event.by === "system" ? "system" : "user",
        actorUserId: event.by === "system" ? null : event.by.userId,
        actorLabel: event.by === "system" ? "system" : event.by.label,
        action: event.action,
        targetType: "organization",
        targetId: organizationId,
        createdAt: event.at,
      },
    });
  }
}

/** Every event in the log, newest first, as the database orders them: the truth the pages must cover. */
async function allIds(organizationId: string, where: object = {}) {
  const rows = await database.db.auditEvent.findMany({ where: { organizationId, ...where }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
  return rows.map((row) => row.id);
}

/** An organization with an owner, an admin and 23 events between them and the system, five sharing one millisecond. */
async function busyOrganization() {
  const owner = await orgMember(database.db, "owner");
  const admin = await orgMember(database.db, "admin", owner.organization.id);
  const people = { owner: { userId: owner.user.id, label: owner.user.name! }, admin: { userId: admin.user.id, label: admin.user.name! } };
  const start = Date.UTC(2026, 0, 1);
  const actions = ["member.added", "connection.created", "connection.renamed", "public_status.enabled", "connection.status_changed"];
  const seeds: Seed[] = Array.from({ length: 23 }, (_, i) => ({
    action: actions[i % actions.length]!,
    by: i % 3 === 0 ? "system" : i % 3 === 1 ? people.owner : people.admin,
    // Events 10 to 14 share a millisecond: only the id tells them apart.
    at: new Date(start + (i >= 10 && i <= 14 ? 10 : i) * 1000),
  }));
  await seed(owner.organization.id, seeds);
  return { owner, admin, organizationId: owner.organization.id };
}

/** Walks the pages the way the page's links do: the query each link's address parses to. */
async function walk(access: Awaited<ReturnType<typeof busyOrganization>>["owner"]["access"], filters: AuditQuery, direction: "older" | "newer", start: AuditQuery, pageSize: number) {
  const pages: string[][] = [];
  let query: AuditQuery = { ...filters, ...start };
  for (let guard = 0; guard < 50; guard += 1) {
    const page = await readAuditLog(access, query, pageSize);
    pages.push(page.events.map((event) => event.id));
    const next = page[direction];
    if (!next) return { pages, last: page };
    const href = auditHref("/audit", { ...filters, [direction]: next });
    query = auditQuery.parse(Object.fromEntries(new URL(href, "http://x").searchParams));
  }
  throw new Error("paging did not end");
}

describe("reading the audit log a page at a time", () => {
  it("covers every event exactly once going older, and the same pages coming back newer", async () => {
    const { owner, organizationId } = await busyOrganization();
    const expected = await allIds(organizationId);

    const older = await walk(owner.access, {}, "older", {}, 4);
    expect(older.pages.flat()).toEqual(expected);
    expect(older.pages.map((page) => page.length)).toEqual([4, 4, 4, 4, 4, 3]);

    // From the last page's Newer link back to the first: the same pages, in reverse, and no Newer past the top.
    expect(older.last.older).toBeNull();
    const newer = await walk(owner.access, {}, "newer", { newer: older.last.newer! }, 4);
    expect([...newer.pages].reverse()).toEqual(older.pages.slice(0, -1));
    expect(newer.last.newer).toBeNull();
    expect(newer.last.older).not.toBeNull();
  });

  it("filters by one action, by a group of actions and by person, and pages within the filter", async () => {
    const { owner, admin, organizationId } = await busyOrganization();

    const renamed = await walk(owner.access, { action: "connection.renamed" }, "older", {}, 2);
    expect(renamed.pages.flat()).toEqual(await allIds(organizationId, { action: "connection.renamed" }));

    const connections = await walk(owner.access, { action: "connections" }, "older", {}, 3);
    expect(connections.pages.flat()).toEqual(
      await allIds(organizationId, { action: { in: ["connection.created", "connection.renamed", "connection.status_changed"] } }),
    );

    const byAdmin = await walk(owner.access, { person: admin.user.id }, "older", {}, 3);
    expect(byAdmin.pages.flat()).toEqual(await allIds(organizationId, { actorUserId: admin.user.id }));
    expect(byAdmin.pages.flat()).toHaveLength(7);

    const bySystem = await walk(owner.access, { person: "system", action: "members" }, "older", {}, 3);
    expect(bySystem.pages.flat()).toEqual(await allIds(organizationId, { actorType: "system", action: "member.added" }));
  });

  it("offers the people who acted, current names first by name, and refuses anyone else", async () => {
    const { owner, admin } = await busyOrganization();
    await database.db.membership.delete({ where: { organizationId_userId: { organizationId: owner.organization.id, userId: admin.user.id } } });

    const { people } = await readAuditLog(owner.access, {});
    expect(people).toEqual(
      [
        { id: owner.user.id, name: owner.user.name, formerMember: false },
        { id: admin.user.id, name: admin.user.name, formerMember: true },
      ].sort((a, b) => a.name!.localeCompare(b.name!)),
    );
    const stranger = await orgMember(database.db, "owner");
    await expect(readAuditLog(owner.access, { person: stranger.user.id })).rejects.toMatchObject({ code: "invalid_input", field: "person" });
  });

  it("reads no other organization's events", async () => {
    const { owner } = await busyOrganization();
    const other = await busyOrganization();

    const { events } = await readAuditLog(owner.access, {}, 100);
    expect(events).toHaveLength(23);
    expect(events.map((event) => event.id)).not.toContain((await allIds(other.organizationId))[0]);
  });
});

describe("the audit page's search parameters", () => {
  const problem = (params: Record<string, string | string[]>) => {
    const result = auditQuery.safeParse(params);
    return result.success ? null : result.error.issues[0]!.message;
  };

  it("accept catalog actions, groups, people and positions, and read empty values as no filter", () => {
    expect(auditQuery.parse({ action: "member.role_changed", person: "system" })).toMatchObject({ action: "member.role_changed", person: "system" });
    expect(auditQuery.parse({ action: "", person: "" })).toEqual({ action: undefined, person: undefined, older: undefined, newer: undefined });
    const at = new Date(Date.UTC(2026, 1, 2, 3, 4, 5, 6));
    const href = auditHref("/audit", { action: "members", older: { at, id: "ckabc123" } });
    expect(auditQuery.parse(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual({
      action: "members",
      person: undefined,
      older: { at, id: "ckabc123" },
      newer: undefined,
    });
  });

  it("name the filter a bad value was given for", () => {
    expect(problem({ action: "connection.exploded" })).toBe("Action filter: “connection.exploded” is not an action the audit log records.");
    expect(problem({ action: "user.blocked" })).toMatch(/^Action filter:/); // the instance's own log, not an organization's
    expect(problem({ action: ["members", "projects"] })).toBe("Action filter: give it once.");
    expect(problem({ person: "<script>" })).toMatch(/^Person filter:/);
    expect(problem({ older: "not-a-position" })).toMatch(/^Older page:/);
    expect(problem({ newer: Buffer.from("yesterday|x").toString("base64url") })).toMatch(/^Newer page:/);
    const position = Buffer.from(`${new Date().toISOString()}|abc`).toString("base64url");
    expect(problem({ older: position, newer: position })).toMatch(/^Page:/);
  });
});
