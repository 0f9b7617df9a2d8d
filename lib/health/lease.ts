import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";

/**
 * A named lease in the database: whoever holds an unexpired lease does the work; the
 * others skip. Works across processes sharing the database, and a crashed holder's
 * lease simply expires.
 */
export async function acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db().lease.updateMany({
    where: { name, OR: [{ expiresAt: { lt: now } }, { holder }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db().lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Records that the holder finished. The lease is not released: it runs to its expiry, so
 * other processes wait for the next interval instead of repeating the work at once.
 */
export async function completeLease(name: string, holder: string): Promise<void> {
  await db().lease.updateMany({ where: { name, holder }, data: { lastCompletedAt: new Date() } });
}
