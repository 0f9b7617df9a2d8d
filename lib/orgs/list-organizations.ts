import "server-only";
import { db } from "@/lib/db";
import { parseOrgRole } from "@/lib/access/roles";

export async function listOrganizationsForUser(userId: string) {
  const memberships = await db().membership.findMany({
    where: { userId },
    orderBy: { organization: { name: "asc" } },
    select: { role: true, organization: { select: { id: true, slug: true, name: true, _count: { select: { connections: true } } } } },
  });
  return memberships.map(({ role, organization }) => ({
    id: organization.id,
    slug: organization.slug,
    name: organization.name,
    role: parseOrgRole(role),
    connectionCount: organization._count.connections,
  }));
}
