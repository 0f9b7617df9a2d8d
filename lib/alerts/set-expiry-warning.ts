import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";

/** How many days before a credential's end its connection is marked "expiring soon" (and the first alert goes). */
export async function setExpiryWarningDays(access: OrgAccess, days: number) {
  requireRole(access, "admin");
  await db().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: access.organization.id }, select: { expiryWarningDays: true } });
    await tx.organization.update({ where: { id: access.organization.id }, data: { expiryWarningDays: days } });
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "alerts.expiry_warning_changed",
      target: { type: "organization", id: access.organization.id },
      before: { expiryWarningDays: before.expiryWarningDays },
      after: { expiryWarningDays: days },
    });
  });
}
