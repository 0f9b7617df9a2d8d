import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { toConnectionView } from "./connection-view";
import { loadConnection } from "./load-connection";

/** Every member may read connections; views never carry secrets. */
export async function listConnections(access: OrgAccess) {
  const connections = await db().vcsConnection.findMany({
    // A token limited to named connections sees only those.
    where: { organizationId: access.organization.id, ...(access.limits?.connectionIds ? { id: { in: access.limits.connectionIds } } : {}) },
    include: { grant: true, organization: { select: { slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  return connections.map(toConnectionView);
}

export async function getConnection(access: OrgAccess, id: string) {
  return toConnectionView(await loadConnection(access, id));
}
