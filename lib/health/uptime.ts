import "server-only";
import { db } from "@/lib/db";

const DAY_MS = 86_400_000;

type Counts = Map<string, { ok: number; all: number }>;

/** Checks per connection since a time, counted by the database (no rows loaded). */
async function countChecks(organizationId: string, since: Date): Promise<Counts> {
  const groups = await db().healthEvent.groupBy({
    by: ["connectionId", "ok"],
    where: { connection: { organizationId }, kind: "check", createdAt: { gte: since } },
    _count: { _all: true },
  });
  const counts: Counts = new Map();
  for (const group of groups) {
    const entry = counts.get(group.connectionId) ?? { ok: 0, all: 0 };
    entry.all += group._count._all;
    if (group.ok) entry.ok += group._count._all;
    counts.set(group.connectionId, entry);
  }
  return counts;
}

/** Share of successful health checks per window, per connection of the organization; null where no check ran. */
export async function uptimeByConnection(organizationId: string, connectionIds: string[], now = Date.now()) {
  const [day, week] = await Promise.all([countChecks(organizationId, new Date(now - DAY_MS)), countChecks(organizationId, new Date(now - 7 * DAY_MS))]);
  const result = new Map<string, { day: number | null; week: number | null }>();
  for (const id of connectionIds) result.set(id, { day: ratio(day.get(id)), week: ratio(week.get(id)) });
  return result;
}

function ratio(counts: { ok: number; all: number } | undefined): number | null {
  return counts && counts.all > 0 ? counts.ok / counts.all : null;
}
