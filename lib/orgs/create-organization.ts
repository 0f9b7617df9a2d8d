import "server-only";
import type { Actor } from "@/lib/access/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import type { OrganizationInput } from "./schemas";

/**
 * The instance owner creates organizations (and becomes their owner). Members of the
 * instance cannot: otherwise anyone who signs in could make an organization of their own
 * and pull other people into it, or probe which emails have accounts here.
 */
export async function createOrganization(actor: Actor & { userId: string }, input: OrganizationInput) {
  const creator = await db().user.findUnique({ where: { id: actor.userId }, select: { role: true } });
  if (creator?.role !== "owner") throw new AppError("instance_owner_only");
  try {
    return await db().$transaction(async (tx) => {
      const organization = await tx.organization.create({ data: { name: input.name, slug: input.slug } });
      await tx.membership.create({ data: { organizationId: organization.id, userId: actor.userId, role: "owner" } });
      await recordAuditEvent(tx, {
        organizationId: organization.id,
        actor,
        action: "organization.created",
        target: { type: "organization", id: organization.id },
        after: { name: input.name, slug: input.slug },
      });
      return organization;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("slug_taken", { field: "slug" });
    throw error;
  }
}
