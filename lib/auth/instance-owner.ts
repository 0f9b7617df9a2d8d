import "server-only";
import type { AdapterUser } from "next-auth/adapters";
import type { Database } from "@/lib/db/client";

export const USER_ROLES = ["owner", "member"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * Creates a signed-in user. The first user ever (or, with INSTANCE_OWNER_EMAIL, the first
 * with that email) claims the instance: the claim is an
 * insert of the single Instance row (id 1) that only one transaction can win, in
 * SQLite and PostgreSQL alike, even with several app processes signing people in.
 */
export async function createUserClaimingInstance(
  database: Database,
  data: Omit<AdapterUser, "id">,
  options: { ownerEmail?: string } = {},
): Promise<AdapterUser & { role: UserRole }> {
  return database.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { name: data.name, email: data.email, emailVerified: data.emailVerified, image: data.image },
    });
    // With INSTANCE_OWNER_EMAIL set, only that (primary, confirmed) address may claim.
    if (options.ownerEmail && data.email?.toLowerCase() !== options.ownerEmail) return { ...user, email: user.email ?? "", role: "member" as const };
    const claimed = await tx.$executeRaw`
      INSERT INTO "Instance" ("id", "ownerUserId", "claimedAt") VALUES (1, ${user.id}, ${new Date()})
      ON CONFLICT ("id") DO NOTHING`;
    if (claimed === 0) return { ...user, email: user.email ?? "", role: "member" as const };
    const owner = await tx.user.update({ where: { id: user.id }, data: { role: "owner" } });
    return { ...owner, email: owner.email ?? "", role: "owner" as const };
  });
}
