import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { randomToken } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { deliverDueAlerts } from "./deliver-alerts";
import { enqueueAlert } from "./enqueue-alert";

export const alertsSettingsPath = (orgSlug: string) => `/orgs/${orgSlug}/settings/alerts`;

/**
 * Queues a test alert to every destination and sends what is due at once, so the person
 * who pressed the button sees the result in the log (a failure is retried like any alert).
 */
export async function sendTestAlert(access: OrgAccess) {
  requireRole(access, "admin");
  const organizationId = access.organization.id;
  if ((await db().alertDestination.count({ where: { organizationId } })) === 0) throw new AppError("not_found", { detail: "no alert destinations yet" });
  await db().$transaction(async (tx) => {
    await enqueueAlert(tx, organizationId, null, {
      kind: "test",
      dedupeKey: `test:${organizationId}:${randomToken(9)}`,
      title: "Test alert",
      happened: `${access.actor.label} sent a test alert from ${access.organization.name}'s settings. Alerts about its connections will arrive here.`,
      fix: null,
      severity: "info",
      path: alertsSettingsPath(access.organization.slug),
    });
    await recordAuditEvent(tx, { organizationId, actor: access.actor, action: "alerts.test_sent", target: { type: "organization", id: organizationId } });
  });
  return deliverDueAlerts();
}
