import "server-only";
import { credentialEnd } from "@/lib/connections/credential-end";
import { STATUS_WORDS, hasGrant, parseStatus } from "@/lib/connections/status";
import { db } from "@/lib/db";
import { cachedStatus } from "@/lib/connections/status/status-cache";
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
    select: {
      id: true,
      name: true,
      provider: true,
      status: true,
      lastSuccessAt: true,
      lastCheckedAt: true,
      credentialType: true,
      credentialExpiresAt: true,
      grant: { select: { expiresAt: true, refreshedAt: true, createdAt: true } },
    },
  });
  const uptime = await uptimeByConnection(organizationId, connections.map((c) => c.id));
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
      credentialEndsAt: hasGrant(status) ? (credentialEnd({ credentialType: c.credentialType, credentialExpiresAt: c.credentialExpiresAt, grant: c.grant })?.endsAt.toISOString() ?? null) : null,
      uptime: uptime.get(c.id) ?? { day: null, week: null },
    };
  });
}

export type OrganizationStatus = Awaited<ReturnType<typeof computeOrganizationStatus>>;
