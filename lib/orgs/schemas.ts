import { z } from "zod";
import { ORG_ROLES } from "@/lib/access/roles";

export const organizationInput = z.object({
  name: z.string().trim().min(1, { error: "Name is required." }).max(80, { error: "Name is at most 80 characters." }),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
      error: "Slug: 1 to 40 lowercase letters, digits and hyphens, not starting or ending with a hyphen.",
    }),
});
export type OrganizationInput = z.infer<typeof organizationInput>;

/** An organization slug as it arrives from a client (server-action argument, URL). */
export const orgSlugParam = z
  .string({ error: "The organization must be given by its slug." })
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { error: "The organization slug is not valid." });

export const memberInput = z.object({
  email: z.email({ error: "Enter the email address the person signs in with." }).trim().toLowerCase(),
  role: z.enum(ORG_ROLES, { error: "Role must be owner, admin or member." }),
});
export type MemberInput = z.infer<typeof memberInput>;

/** A member's new role, from their row on the Members page. */
export const roleChangeInput = z.object({
  userId: z.string().min(1).max(64),
  role: z.enum(ORG_ROLES, { error: "Role must be owner, admin or member." }),
});
export type RoleChangeInput = z.infer<typeof roleChangeInput>;
