import "server-only";
import { db } from "@/lib/db";
import { auditLabel, auditTargetLabel, type AuditTargetType } from "./catalog";

export type AuditEventView = {
  id: string;
  at: Date;
  actor: string;
  actorType: string;
  action: string;
  /** The catalog's words for the action. */
  label: string;
  /** What it was about, by name: "Connection “Bitbucket”". */
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

type Named = { id: string; name: string | null };

/** Today's names of the targets, by kind; one query per kind on the page. */
const NAMES: Record<AuditTargetType, (ids: string[]) => Promise<Named[]>> = {
  organization: (ids) => db().organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  user: async (ids) =>
    (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((user) => ({
      id: user.id,
      name: user.name ?? user.email,
    })),
  connection: (ids) => db().vcsConnection.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  project: async (ids) =>
    (await db().project.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } })).map((project) => ({ id: project.id, name: project.fullName })),
  api_token: (ids) => db().apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  webhook_subscription: async (ids) =>
    (await db().webhookSubscription.findMany({ where: { id: { in: ids } }, select: { id: true, targetUrl: true } })).map((s) => ({ id: s.id, name: s.targetUrl })),
  // A single row; its events live in the instance's own log.
  sign_in_policy: async (ids) => ids.map((id) => ({ id, name: "the instance's" })),
};

/** A name for a target that is gone: the one its events recorded, if any. */
function recordedName(snapshot: Record<string, unknown> | null): string | null {
  for (const key of ["name", "repository", "email", "targetUrl"]) if (typeof snapshot?.[key] === "string") return snapshot[key] as string;
  return null;
}

export async function listAuditEvents(
  organizationId: string,
  options: { targetId?: string; limit?: number } = {},
): Promise<AuditEventView[]> {
  const events = await db().auditEvent.findMany({
    where: { organizationId, ...(options.targetId ? { targetId: options.targetId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 100, 500),
  });
  return describeAuditEvents(events);
}

type StoredEvent = Awaited<ReturnType<ReturnType<typeof db>["auditEvent"]["findMany"]>>[number];

/** Stored events in words: the catalog's label, the target by today's name (or the recorded one). */
export async function describeAuditEvents(events: StoredEvent[]): Promise<AuditEventView[]> {
  const names = new Map<string, string>();
  for (const type of Object.keys(NAMES) as AuditTargetType[]) {
    const ids = [...new Set(events.filter((event) => event.targetType === type).map((event) => event.targetId))];
    if (ids.length > 0) for (const target of await NAMES[type](ids)) if (target.name) names.set(`${type}:${target.id}`, target.name);
  }
  return events.map((event) => {
    const before = event.before ? (JSON.parse(event.before) as Record<string, unknown>) : null;
    const after = event.after ? (JSON.parse(event.after) as Record<string, unknown>) : null;
    const name = names.get(`${event.targetType}:${event.targetId}`) ?? recordedName(after) ?? recordedName(before);
    return {
      id: event.id,
      at: event.createdAt,
      actor: event.actorLabel,
      actorType: event.actorType,
      action: event.action,
      label: auditLabel(event.action),
      target: name ? `${auditTargetLabel(event.targetType)} “${name}”` : `${auditTargetLabel(event.targetType)} (removed)`,
      before,
      after,
    };
  });
}
