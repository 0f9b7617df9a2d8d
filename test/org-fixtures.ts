import { resolveUserAccess } from "@/lib/access/resolve-access";
import type { Database } from "@/lib/db/client";
import type { OrgRole } from "@/lib/access/roles";

let counter = 0;

/** A user with a role in a fresh organization, and that user's access to it. */
export async function orgMember(db: Database, role: OrgRole, organizationId?: string) {
  counter += 1;
  const user = await db.user.create({ data: { name: `Person ${counter}`, email: `person${counter}-${Date.now()}@example.test` } });
  const organization = organizationId
    ? await db.organization.findUniqueOrThrow({ where: { id: organizationId } })
    : await db.organization.create({ data: { name: `Org ${counter}`, slug: `org-${counter}-${Date.now()}` } });
  await db.membership.create({ data: { organizationId: organization.id, userId: user.id, role } });
  return { user, organization, access: await resolveUserAccess(user, organization.slug) };
}
