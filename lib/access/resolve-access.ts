import "server-only";
import { sha256 } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hasRole, parseOrgRole, type OrgRole } from "@/lib/access/roles";
import type { OrgAccess } from "./actor";
import { parseApiScopes } from "./permissions";

/**
 * A signed-in user's access to an organization. Someone who is not a member gets
 * `not_found`, not `forbidden`, so organization slugs cannot be probed.
 */
export async function resolveUserAccess(user: { id: string; name: string | null; email: string | null }, orgSlug: string): Promise<OrgAccess> {
  const membership = await db().membership.findFirst({
    where: { userId: user.id, organization: { slug: orgSlug } },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership) throw new AppError("not_found", { detail: "organization" });
  return {
    organization: membership.organization,
    role: parseOrgRole(membership.role),
    actor: { type: "user", userId: user.id, label: user.name ?? user.email ?? user.id },
  };
}

// lastUsedAt is a hint for people deciding what to revoke: minute precision is plenty, and
// writing it on every request would turn each read into a write.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Access for a bearer API token: it acts with its creator's current role in the token's
 * organization, limited to the scopes and connections it was created with.
 */
export async function resolveTokenAccess(token: string, orgSlug: string): Promise<OrgAccess> {
  const record = await db().apiToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      name: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      scopes: true,
      connectionIds: true,
      userId: true,
      organizationId: true,
      organization: { select: { id: true, slug: true, name: true } },
      // The creator's membership of the organization named in the request, read in the same query.
      user: { select: { name: true, email: true, blockedAt: true, memberships: { where: { organization: { slug: orgSlug } }, select: { organizationId: true, role: true } } } },
    },
  });
  // A blocked person's tokens stop with their sessions (and work again if unblocked).
  if (!record || record.revokedAt || record.user.blockedAt) throw new AppError("unauthenticated");
  if (record.expiresAt && record.expiresAt.getTime() <= Date.now()) throw new AppError("token_expired");
  if (record.organization.slug !== orgSlug) throw new AppError("not_found", { detail: "organization" });
  const membership = record.user.memberships.find((m) => m.organizationId === record.organizationId);
  if (!membership) throw new AppError("unauthenticated");
  await touchLastUsed(record.id, record.lastUsedAt);
  return {
    organization: record.organization,
    role: parseOrgRole(membership.role),
    actor: {
      type: "api_token",
      userId: record.userId,
      tokenId: record.id,
      label: `${record.user.name ?? record.user.email ?? record.userId} (token “${record.name}”)`,
    },
    limits: { scopes: parseApiScopes(record.scopes), connectionIds: record.connectionIds === null ? null : record.connectionIds.split(" ").filter(Boolean) },
  };
}

/** At most one write a minute per token, across processes: the update is conditional on the stored stamp being stale. */
async function touchLastUsed(id: string, lastUsedAt: Date | null): Promise<void> {
  const now = Date.now();
  if (lastUsedAt && now - lastUsedAt.getTime() < LAST_USED_PRECISION_MS) return;
  const stale = new Date(now - LAST_USED_PRECISION_MS);
  await db().apiToken.updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] }, data: { lastUsedAt: new Date(now) } });
}

export function requireRole(access: OrgAccess, atLeast: OrgRole): void {
  if (!hasRole(access.role, atLeast)) throw new AppError("forbidden");
}

/** The organizations a bearer API token reaches (a token belongs to one), with the role it acts with there. */
export async function resolveTokenOrganizations(token: string): Promise<OrgAccess[]> {
  const record = await db().apiToken.findUnique({ where: { tokenHash: sha256(token) }, select: { revokedAt: true, organization: { select: { slug: true } } } });
  if (!record || record.revokedAt) throw new AppError("unauthenticated");
  return [await resolveTokenAccess(token, record.organization.slug)];
}
