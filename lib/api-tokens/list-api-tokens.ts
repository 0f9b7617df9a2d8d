import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { parseApiScopes, type ApiScope } from "@/lib/access/permissions";
import { requireRole } from "@/lib/access/resolve-access";
import { db } from "@/lib/db";

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Null: the token never expires. */
  expiresAt: Date | null;
  scopes: ApiScope[];
  /** Null: every connection of the organization. */
  connections: { id: string; name: string }[] | null;
  owner: { id: string; name: string | null; email: string | null };
  /** The caller's own token. */
  mine: boolean;
};

/**
 * The caller's own tokens in the organization, or (owners and admins, `everyone`)
 * every member's, so a leaked or forgotten token can be found and revoked. Never the hash.
 */
export async function listApiTokens(access: OrgAccess, options: { everyone?: boolean } = {}): Promise<ApiTokenView[]> {
  if (options.everyone) requireRole(access, "admin");
  const tokens = await db().apiToken.findMany({
    where: { organizationId: access.organization.id, ...(options.everyone ? {} : { userId: access.actor.userId }) },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
      scopes: true,
      connectionIds: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  const limitedTo = new Set(tokens.flatMap((token) => token.connectionIds?.split(" ") ?? []));
  const names = new Map(
    limitedTo.size === 0
      ? []
      : (await db().vcsConnection.findMany({ where: { id: { in: [...limitedTo] }, organizationId: access.organization.id }, select: { id: true, name: true } })).map((c) => [c.id, c.name]),
  );
  return tokens.map(({ user, scopes, connectionIds, ...token }) => ({
    ...token,
    scopes: parseApiScopes(scopes),
    // A connection deleted since keeps its place, so nobody reads the token as unlimited.
    connections: connectionIds === null ? null : connectionIds.split(" ").filter(Boolean).map((id) => ({ id, name: names.get(id) ?? "(deleted connection)" })),
    owner: user,
    mine: user.id === access.actor.userId,
  }));
}
