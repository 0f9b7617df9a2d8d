import "server-only";
import { db } from "@/lib/db";

const DAY_MS = 86_400_000;

/** Share of successful health checks per window, per connection; null where no check ran. */
export async function uptimeByConnection(connectionIds: string[], now = Date.now()) {
  const since = new Date(now - 7 * DAY_MS);
  const checks = await db().healthEvent.findMany({
    where: { connectionId: { in: connectionIds }, kind: "check", createdAt: { gte: since } },
    select: { connectionId: true, ok: true, createdAt: true },
  });
  const result = new Map<string, { day: number | null; week: number | null }>();
  for (const id of connectionIds) {
    const mine = checks.filter((check) => check.connectionId === id);
    const lastDay = mine.filter((check) => now - check.createdAt.getTime() <= DAY_MS);
    result.set(id, { day: ratio(lastDay), week: ratio(mine) });
  }
  return result;
}

function ratio(checks: { ok: boolean }[]): number | null {
  return checks.length === 0 ? null : checks.filter((check) => check.ok).length / checks.length;
}
