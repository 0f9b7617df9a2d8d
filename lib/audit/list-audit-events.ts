import "server-only";
import { db } from "@/lib/db";

export type AuditEventView = {
  id: string;
  at: Date;
  actor: string;
  actorType: string;
  action: string;
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export async function listAuditEvents(
  organizationId: string,
  options: { targetId?: string; limit?: number } = {},
): Promise<AuditEventView[]> {
  const events = await db().auditEvent.findMany({
    where: { organizationId, ...(options.targetId ? { targetId: options.targetId } : {}) },
    orderBy: { createdAt: "desc" },
    take: Math.min(options.limit ?? 100, 500),
  });
  return events.map((event) => ({
    id: event.id,
    at: event.createdAt,
    actor: event.actorLabel,
    actorType: event.actorType,
    action: event.action,
    target: `${event.targetType}:${event.targetId}`,
    before: event.before ? (JSON.parse(event.before) as Record<string, unknown>) : null,
    after: event.after ? (JSON.parse(event.after) as Record<string, unknown>) : null,
  }));
}
