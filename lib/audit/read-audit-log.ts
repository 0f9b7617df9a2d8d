import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { SYSTEM_ACTOR, type AuditPosition, type AuditQuery } from "./audit-query";
import { AUDIT_GROUPS, auditActionsIn, type AuditGroup } from "./catalog";
import { describeAuditEvents, type AuditEventView } from "./list-audit-events";

export const AUDIT_PAGE_SIZE = 50;

/** Someone the person filter offers: everyone who appears in the log as the one acting. */
export type AuditPerson = { id: string; name: string; formerMember: boolean };

export type AuditLogPage = {
  events: AuditEventView[];
  people: AuditPerson[];
  /** Where the neighbouring pages start, if there are events there. */
  newer: AuditPosition | null;
  older: AuditPosition | null;
};

const newest = [{ createdAt: "desc" as const }, { id: "desc" as const }];
const oldest = [{ createdAt: "asc" as const }, { id: "asc" as const }];
const olderThan = (p: AuditPosition) => ({ OR: [{ createdAt: { lt: p.at } }, { createdAt: p.at, id: { lt: p.id } }] });
const newerThan = (p: AuditPosition) => ({ OR: [{ createdAt: { gt: p.at } }, { createdAt: p.at, id: { gt: p.id } }] });
const positionOf = (event: { createdAt: Date; id: string }): AuditPosition => ({ at: event.createdAt, id: event.id });

/**
 * One page of an organization's audit log, newest first (time, then id, so events in the
 * same millisecond keep their place), filtered by action or group of actions and by who
 * acted. Paging is by position, so events recorded meanwhile do not shift the pages.
 */
export async function readAuditLog(access: OrgAccess, query: AuditQuery, pageSize = AUDIT_PAGE_SIZE): Promise<AuditLogPage> {
  const organizationId = access.organization.id;
  const people = await listAuditPeople(organizationId);
  if (query.person && query.person !== SYSTEM_ACTOR && !people.some((person) => person.id === query.person)) {
    throw new AppError("invalid_input", { field: "person", detail: "nobody with this id appears in this organization's audit log" });
  }
  const filters = {
    organizationId,
    ...(query.action ? { action: Object.hasOwn(AUDIT_GROUPS, query.action) ? { in: auditActionsIn(query.action as AuditGroup) } : query.action } : {}),
    ...(query.person === SYSTEM_ACTOR ? { actorType: "system" } : query.person ? { actorUserId: query.person } : {}),
  };
  const events = db().auditEvent;

  let rows;
  let newer: AuditPosition | null;
  let older: AuditPosition | null;
  if (query.newer) {
    // Read towards the newest, one extra to know whether more are there, then put newest first.
    const found = await events.findMany({ where: { AND: [filters, newerThan(query.newer)] }, orderBy: oldest, take: pageSize + 1 });
    rows = found.slice(0, pageSize).reverse();
    newer = found.length > pageSize && rows[0] ? positionOf(rows[0]) : null;
    const last = rows.at(-1);
    older = last && (await events.findFirst({ where: { AND: [filters, olderThan(positionOf(last))] }, select: { id: true } })) ? positionOf(last) : null;
  } else {
    const found = await events.findMany({ where: query.older ? { AND: [filters, olderThan(query.older)] } : filters, orderBy: newest, take: pageSize + 1 });
    rows = found.slice(0, pageSize);
    const last = rows.at(-1);
    older = found.length > pageSize && last ? positionOf(last) : null;
    const first = rows[0];
    newer = query.older && first && (await events.findFirst({ where: { AND: [filters, newerThan(positionOf(first))] }, select: { id: true } })) ? positionOf(first) : null;
  }
  return { events: await describeAuditEvents(rows), people, newer, older };
}

/**
 * Everyone who acted in the organization's log (by browser or by one of their API tokens),
 * by today's name; those no longer in the organization are marked so.
 */
async function listAuditPeople(organizationId: string): Promise<AuditPerson[]> {
  const actors = await db().auditEvent.groupBy({
    by: ["actorUserId", "actorLabel"],
    where: { organizationId, actorUserId: { not: null } },
  });
  const ids = [...new Set(actors.map((actor) => actor.actorUserId!))];
  if (ids.length === 0) return [];
  const [users, members] = await Promise.all([
    db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }),
    db().membership.findMany({ where: { organizationId, userId: { in: ids } }, select: { userId: true } }),
  ]);
  const current = new Map(users.map((user) => [user.id, user.name ?? user.email]));
  const stillMembers = new Set(members.map((member) => member.userId));
  return ids
    .map((id) => ({
      id,
      name: current.get(id) ?? actors.find((actor) => actor.actorUserId === id)!.actorLabel,
      formerMember: !stillMembers.has(id),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
