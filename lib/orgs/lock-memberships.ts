import "server-only";
import type { Database } from "@/lib/db/client";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/**
 * Holds the organization's row for the rest of the caller's transaction, so changes to its
 * memberships happen one after another: each one's owner count then sees the one before it
 * (PostgreSQL's default isolation would let two owners demoting each other both pass, each
 * counting two owners). An update is the one row lock both databases take the same way;
 * on SQLite it takes the write lock at once.
 */
export async function lockMemberships(tx: Transaction, organizationId: string): Promise<void> {
  await tx.organization.update({ where: { id: organizationId }, data: { updatedAt: new Date() }, select: { id: true } });
}
