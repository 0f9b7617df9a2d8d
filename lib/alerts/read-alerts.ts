import "server-only";
import { db } from "@/lib/db";
import { ALERT_KIND_LABELS, parseAlertBody, type AlertKind } from "./catalog";
import { emailConfigured } from "./send";

/** An organization's destinations (no URL: only its host), its warning period and the newest alerts with each delivery's outcome. */
export async function readAlertSettings(organizationId: string, take = 30) {
  const [organization, destinations, alerts] = await Promise.all([
    db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { expiryWarningDays: true } }),
    db().alertDestination.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } }),
    db().alert.findMany({
      where: { organizationId },
      orderBy: { createdAt: "desc" },
      take,
      include: { deliveries: { include: { destination: { select: { kind: true, format: true, urlHost: true, email: true } } } } },
    }),
  ]);
  const destinationName = (d: { kind: string; format: string | null; urlHost: string | null; email: string | null }) =>
    d.kind === "email" ? d.email ?? "e-mail" : `${{ slack: "Slack", teams: "Teams", json: "Signed JSON" }[d.format ?? "json"] ?? "Webhook"} · ${d.urlHost}`;
  return {
    expiryWarningDays: organization.expiryWarningDays,
    emailAvailable: emailConfigured(),
    destinations: destinations.map((d) => ({ id: d.id, kind: d.kind, name: destinationName(d), createdAt: d.createdAt.toISOString() })),
    alerts: alerts.map((a) => {
      const body = parseAlertBody(a.body);
      return {
        id: a.id,
        kind: a.kind,
        kindLabel: ALERT_KIND_LABELS[a.kind as AlertKind] ?? a.kind,
        title: body.title,
        connectionName: body.connection?.name ?? null,
        createdAt: a.createdAt.toISOString(),
        deliveries: a.deliveries.map((d) => ({
          id: d.id,
          destination: destinationName(d.destination),
          state: d.state,
          attempts: d.attempts,
          lastError: d.lastError,
          sentAt: d.sentAt?.toISOString() ?? null,
          nextAttemptAt: d.state === "pending" ? d.nextAttemptAt.toISOString() : null,
        })),
      };
    }),
  };
}

export type AlertSettings = Awaited<ReturnType<typeof readAlertSettings>>;
