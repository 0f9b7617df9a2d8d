import "server-only";
import { STATUS_WORDS, parseStatus } from "@/lib/connections/status";
import { db } from "@/lib/db";
import { cachedStatus } from "./status-cache";
import { daysUntil } from "@/lib/vcs/bitbucket-cloud/token-setup";
import { uptimeByConnection } from "./uptime";

const PROVIDER_NAMES: Record<string, string> = { bitbucket_cloud: "Bitbucket Cloud" };

/**
 * What every member (and, when enabled, the public page) sees: each connection's name,
 * provider, status, last successful check, uptime and when its credential ends. No
 * accounts, URLs or secrets.
 */
export function organizationStatus(organizationId: string) {
  return cachedStatus(organizationId, () => computeOrganizationStatus(organizationId));
}

async function computeOrganizationStatus(organizationId: string) {
  const connections = await db().vcsConnection.findMany({
    where: { organizationId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, provider: true, status: true, lastSuccessAt: true, lastCheckedAt: true, credentialExpiresAt: true },
  });
  const uptime = await uptimeByConnection(organizationId, connections.map((c) => c.id));
  const now = new Date();
  return connections.map((c) => {
    const status = parseStatus(c.status);
    return {
      id: c.id,
      name: c.name,
      provider: PROVIDER_NAMES[c.provider] ?? c.provider,
      status,
      statusLabel: STATUS_WORDS[status].label,
      tone: STATUS_WORDS[status].tone,
      lastSuccessAt: c.lastSuccessAt?.toISOString() ?? null,
      lastCheckedAt: c.lastCheckedAt?.toISOString() ?? null,
      uptime: uptime.get(c.id) ?? { day: null, week: null },
      credentialExpiresAt: c.credentialExpiresAt?.toISOString() ?? null,
      credentialExpiresInDays: c.credentialExpiresAt ? daysUntil(c.credentialExpiresAt, now) : null,
    };
  });
}

export type OrganizationStatus = Awaited<ReturnType<typeof computeOrganizationStatus>>;
