import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { createApiToken, type CreatedApiToken } from "./create-api-token";
import type { CreateApiTokenInput } from "./schemas";

/** A problem an operator fixes by changing the command line (wrong slug, wrong email, no owner yet). */
export class OwnerTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OwnerTokenError";
  }
}

/**
 * For the operator CLI (bootstrapping automation on the server): a token for an owner
 * of the organization, the one named by email or else its earliest owner. It is an
 * ordinary personal token of that owner (scopes, connections and expiry as chosen),
 * audited as theirs and revoked like any other.
 */
export async function createOwnerApiToken(
  options: { orgSlug: string; email?: string } & CreateApiTokenInput,
): Promise<CreatedApiToken & { owner: string }> {
  const organization = await db().organization.findUnique({ where: { slug: options.orgSlug }, select: { id: true, slug: true, name: true } });
  if (!organization) throw new OwnerTokenError(`No organization has the slug “${options.orgSlug}”. Check the slug in the organization's URL (/orgs/<slug>).`);

  const email = options.email?.trim() || undefined;
  const membership = await db().membership.findFirst({
    where: { organizationId: organization.id, role: "owner", ...(email ? { user: { email } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!membership) {
    throw new OwnerTokenError(
      email
        ? `${email} is not an owner of “${organization.slug}”. Name an owner with --email, or leave it out to use the first owner.`
        : `“${organization.slug}” has no owner. Make someone an owner on its Members page first.`,
    );
  }

  const { user } = membership;
  const label = user.name ?? user.email ?? user.id;
  const access: OrgAccess = { organization, role: "owner", actor: { type: "user", userId: user.id, label: `${label} (server command line)` } };
  const { orgSlug: _orgSlug, email: _email, ...input } = options;
  return { ...(await createApiToken(access, input)), owner: user.email ?? label };
}
