import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { TtlCache } from "@/lib/cache/ttl-cache";
import { randomToken } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const publicStatusUrl = (token: string) => `${env().APP_URL}/status/${token}`;

type PublicOrganization = { id: string; name: string } | null;

// Which organization a public address shows, for as long as a computed status is kept: a
// busy public page then reads nothing. Turning the page off here forgets its address at
// once; other instances stop showing it within the same few seconds.
const addresses = new TtlCache<PublicOrganization>({ ttlMs: () => env().STATUS_CACHE_TTL_SECONDS * 1000 });

/** Turns the organization's public status page on (a new unguessable address) or off. */
export async function setPublicStatus(access: OrgAccess, enabled: boolean): Promise<string | null> {
  requireRole(access, "admin");
  const token = enabled ? randomToken(18) : null;
  const previous = await db().organization.findUnique({ where: { id: access.organization.id }, select: { publicStatusToken: true } });
  await db().$transaction(async (tx) => {
    await tx.organization.update({ where: { id: access.organization.id }, data: { publicStatusToken: token } });
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: enabled ? "public_status.enabled" : "public_status.disabled",
      target: { type: "organization", id: access.organization.id },
    });
  });
  if (previous?.publicStatusToken) addresses.forget(previous.publicStatusToken);
  return token ? publicStatusUrl(token) : null;
}

export async function publicStatusSetting(organizationId: string): Promise<string | null> {
  const organization = await db().organization.findUnique({ where: { id: organizationId }, select: { publicStatusToken: true } });
  return organization?.publicStatusToken ? publicStatusUrl(organization.publicStatusToken) : null;
}

/** The organization behind a public status address, or null (also when turned off). */
export async function organizationByStatusToken(token: string): Promise<PublicOrganization> {
  if (!/^[\w-]{16,64}$/.test(token)) return null;
  return addresses.get(token, () => db().organization.findUnique({ where: { publicStatusToken: token }, select: { id: true, name: true } }));
}
