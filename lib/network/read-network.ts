import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { appUrlReachability } from "./app-url-reachability";
import { loadAtlassianRanges } from "./atlassian-ranges";

/** Where Bitbucket Premium's IP allowlist lives for a workspace (Workspace settings → Access controls). */
export const accessControlsUrl = (hostUrl: string, workspace: string) => `${hostUrl}/${encodeURIComponent(workspace)}/workspace/settings/access-controls`;

/**
 * What an admin needs for firewalls, both ways: the hosts this instance calls and the
 * addresses it calls from; where Bitbucket must reach it and the addresses it comes from.
 */
export async function readNetwork(access: OrgAccess) {
  requireRole(access, "admin");
  const organizationId = access.organization.id;
  const [connections, workspaces] = await Promise.all([
    db().vcsConnection.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, hostUrl: true, apiUrl: true } }),
    db().project.findMany({ where: { organizationId }, distinct: ["workspaceSlug", "connectionId"], orderBy: { workspaceSlug: "asc" }, select: { workspaceSlug: true, connection: { select: { hostUrl: true } } } }),
  ]);

  const hosts = new Map<string, { origin: string; uses: string[] }>();
  for (const connection of connections) {
    for (const [label, url] of [["Host URL", connection.hostUrl], ["API URL", connection.apiUrl]] as const) {
      const origin = new URL(url).origin;
      const entry = hosts.get(origin) ?? { origin, uses: [] };
      entry.uses.push(`${connection.name} (${label})`);
      hosts.set(origin, entry);
    }
  }

  const config = env();
  const ranges = loadAtlassianRanges(config.ATLASSIAN_IP_RANGES_FILE);
  return {
    outbound: {
      hosts: [...hosts.values()],
      egressIps: config.EGRESS_IPS,
      workspaces: workspaces.map((w) => ({ workspace: w.workspaceSlug, allowlistUrl: accessControlsUrl(w.connection.hostUrl, w.workspaceSlug) })),
    },
    inbound: {
      webhookBaseUrl: `${config.APP_URL}/api/webhooks/bitbucket/`,
      appUrl: config.APP_URL,
      reachability: appUrlReachability(config.APP_URL),
      atlassianRanges:
        ranges.state === "loaded"
          ? { state: ranges.state, file: ranges.file, creationDate: ranges.creationDate, publishedAt: ranges.publishedAt, cidrs: ranges.cidrs }
          : ranges.state === "unreadable"
            ? { state: ranges.state, file: ranges.file, message: ranges.message }
            : { state: ranges.state },
    },
  };
}

export type NetworkOverview = Awaited<ReturnType<typeof readNetwork>>;

/** For the page that adds projects: the warning when Bitbucket could not deliver webhooks here. */
export function webhookReachabilityWarning() {
  const reachability = appUrlReachability(env().APP_URL);
  return reachability.kind === "public" ? null : reachability.message;
}
