import "server-only";
import { connectionPath, enqueueAlert } from "@/lib/alerts/enqueue-alert";
import { credentialEnd, daysLeft } from "@/lib/connections/credential-end";
import { EXPIRY_WATCHED_STATUSES, grantedStatus } from "@/lib/connections/status";
import { changeStatus, SYSTEM } from "@/lib/connections/status/change-status";
import { db } from "@/lib/db";
import { missingScopes, parseScopeList } from "@/lib/vcs/bitbucket-cloud/scopes";

/** Days before a credential's end at which the organization is told, once each. */
export const EXPIRY_ALERT_DAYS = [14, 7, 1] as const;

/** The thresholds an organization hears at: its warning period, then 7 and 1 day. */
export function expiryThresholds(warningDays: number): number[] {
  return [...new Set([warningDays, ...EXPIRY_ALERT_DAYS.filter((d) => d < warningDays)])].sort((a, b) => b - a);
}

/**
 * Judges every credential's end: ended → `expired` (a failure with its fix); within the
 * organization's warning period → `expiring_soon` (a warning; the connection keeps
 * working), with one alert per threshold crossed; further away again (a refresh, a new
 * token) → back to its working status. Runs in the sweep before the checks.
 */
export async function sweepCredentialExpiry(now = new Date()) {
  const connections = await db().vcsConnection.findMany({
    where: { status: { in: EXPIRY_WATCHED_STATUSES }, grant: { isNot: null } },
    include: { grant: true, organization: { select: { slug: true, expiryWarningDays: true } } },
  });
  let changed = 0;
  for (const connection of connections) {
    const end = credentialEnd({ credentialType: connection.credentialType, credentialExpiresAt: connection.credentialExpiresAt, grant: connection.grant });
    if (!end) continue;
    const left = daysLeft(end.endsAt, now);
    const ended = end.endsAt.getTime() <= now.getTime();
    const warningDays = connection.organization.expiryWarningDays;
    // Most credentials are far from their end: nothing to write, so no transaction.
    if (!ended && left > warningDays && connection.status !== "expiring_soon" && connection.status !== "expired") continue;
    await db().$transaction(async (tx) => {
      const current = await tx.vcsConnection.findUniqueOrThrow({ where: { id: connection.id } });
      const healthy = grantedStatus(missingScopes(parseScopeList(current.requiredScopes), parseScopeList(connection.grant?.grantedScopes)).length);
      if (ended) {
        if (current.status !== "expired") changed++;
        await changeStatus(tx, current, "expired", { reason: "credential_expired", actor: SYSTEM });
        return;
      }
      if (left <= warningDays) {
        if (current.status === "connected" || current.status === "expired") {
          changed++;
          await changeStatus(tx, current, healthy === "connected" ? "expiring_soon" : healthy, { actor: SYSTEM });
        }
        const threshold = expiryThresholds(warningDays).filter((d) => left <= d).at(-1)!;
        await enqueueAlert(tx, current.organizationId, current.id, {
          kind: "credential_expiring",
          dedupeKey: `expiring:${current.id}:${end.endsAt.toISOString()}:${threshold}`,
          title: `${current.name}: expires in ${left === 1 ? "1 day" : `${left} days`}`,
          happened: `${current.name}'s credential ends on ${end.endsAt.toUTCString()}. After that Bitbucket refuses it and the connection stops working.`,
          fix:
            end.reason === "refresh_token_unused"
              ? "Reconnect it (or let a health check use it: any refresh starts another 90 days)."
              : "Replace the token on the connection's page before it ends.",
          severity: "warning",
          path: connectionPath(connection.organization.slug, current.id),
        });
        return;
      }
      if (current.status === "expiring_soon" || current.status === "expired") {
        changed++;
        await changeStatus(tx, current, healthy, { actor: SYSTEM });
      }
    });
  }
  return { judged: connections.length, changed };
}
