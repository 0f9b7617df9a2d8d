import "server-only";
import { sha256 } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hasRole, parseOrgRole, type OrgRole } from "@/lib/orgs/roles";
import type { OrgAccess } from "./actor";

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

/** Access for a bearer API token: it acts with its creator's current role in the token's organization. */
export async function resolveTokenAccess(token: string, orgSlug: string): Promise<OrgAccess> {
  const record = await db().apiToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      name: true,
      revokedAt: true,
      userId: true,
      organizationId: true,
      organization: { select: { id: true, slug: true, name: true } },
      user: { select: { name: true, email: true, blockedAt: true } },
    },
  });
  // A blocked person's tokens stop with their sessions (and work again if unblocked).
  if (!record || record.revokedAt || record.user.blockedAt) throw new AppError("unauthenticated");
  if (record.organization.slug !== orgSlug) throw new AppError("not_found", { detail: "organization" });
  const membership = await db().membership.findUnique({
    where: { organizationId_userId: { organizationId: record.organizationId, userId: record.userId } },
    select: { role: true },
  });
  if (!membership) throw new AppError("unauthenticated");
  await db().apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  return {
    organization: record.organization,
    role: parseOrgRole(membership.role),
    actor: {
      type: "api_token",
      userId: record.userId,
      tokenId: record.id,
      label: `${record.user.name ?? record.user.email ?? record.userId} (token “${record.name}”)`,
    },
  };
}

export function requireRole(access: OrgAccess, atLeast: OrgRole): void {
  if (!hasRole(access.role, atLeast)) throw new AppError("forbidden");
}
