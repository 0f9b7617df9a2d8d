import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";

/** The intervals an admin may choose: how long a healthy, idle connection goes unchecked at most. */
export const CHECK_INTERVALS = [
  { seconds: 900, label: "15 minutes (about 96 Bitbucket calls a day per connection)" },
  { seconds: 1800, label: "30 minutes (about 48 calls a day)" },
  { seconds: 3600, label: "1 hour (about 24 calls a day)" },
  { seconds: 4 * 3600, label: "4 hours (about 6 calls a day)" },
  { seconds: 12 * 3600, label: "12 hours (about 2 calls a day)" },
  { seconds: 86_400, label: "1 day (1 call a day)" },
] as const;
export const CHECK_INTERVAL_SECONDS = CHECK_INTERVALS.map((i) => i.seconds) as readonly number[];

export async function checkIntervalSetting(organizationId: string): Promise<number> {
  const organization = await db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { healthCheckIntervalSeconds: true } });
  return organization.healthCheckIntervalSeconds;
}

/**
 * Sets how often the organization's healthy connections are checked at most. A revoked
 * connection is noticed within this interval (and at once when it is used); a shorter
 * one spends more of each consumer's hourly Bitbucket allowance.
 */
export async function setCheckInterval(access: OrgAccess, seconds: number): Promise<void> {
  requireRole(access, "admin");
  await db().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: access.organization.id }, select: { healthCheckIntervalSeconds: true } });
    await tx.organization.update({ where: { id: access.organization.id }, data: { healthCheckIntervalSeconds: seconds } });
    // Connections waiting longer than the new interval are brought forward.
    await tx.vcsConnection.updateMany({
      where: { organizationId: access.organization.id, nextCheckAt: { gt: new Date(Date.now() + seconds * 1000) } },
      data: { nextCheckAt: new Date(Date.now() + seconds * 1000), checkBackoffSeconds: seconds },
    });
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "organization.check_interval_changed",
      target: { type: "organization", id: access.organization.id },
      before: { healthCheckIntervalSeconds: before.healthCheckIntervalSeconds },
      after: { healthCheckIntervalSeconds: seconds },
    });
  });
}
