import "server-only";
import type { Actor } from "@/lib/access/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import type { OrganizationInput } from "./schemas";

/** Any signed-in person may create an organization; they become its owner. */
export async function createOrganization(actor: Actor & { userId: string }, input: OrganizationInput) {
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
