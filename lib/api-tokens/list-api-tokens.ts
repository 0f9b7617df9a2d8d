import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { db } from "@/lib/db";

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
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
      user: { select: { id: true, name: true, email: true } },
    },
  });
  return tokens.map(({ user, ...token }) => ({ ...token, owner: user, mine: user.id === access.actor.userId }));
}
