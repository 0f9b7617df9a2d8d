import "server-only";
import { credentialEnd } from "@/lib/connections/credential-end";
import { STATUS_WORDS, hasGrant, parseStatus } from "@/lib/connections/status";
import { db } from "@/lib/db";
import { uptimeByConnection } from "./uptime";

const PROVIDER_NAMES: Record<string, string> = { bitbucket_cloud: "Bitbucket Cloud" };

/**
 * What every member (and, when enabled, the public page) sees: each connection's name,
 * provider, status, when its credential ends, last successful check and uptime. No accounts, URLs or secrets.
 */
export async function organizationStatus(organizationId: string) {
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
      grant: { select: { expiresAt: true, refreshedAt: true, createdAt: true } },
    },
  });
  const uptime = await uptimeByConnection(connections.map((c) => c.id));
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
      credentialEndsAt: hasGrant(status) ? (credentialEnd({ grant: c.grant })?.endsAt.toISOString() ?? null) : null,
      uptime: uptime.get(c.id) ?? { day: null, week: null },
    };
  });
}

export type OrganizationStatus = Awaited<ReturnType<typeof organizationStatus>>;
