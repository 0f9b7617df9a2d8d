import { z } from "zod";

// Bitbucket Cloud 2.0 response shapes: only the fields the app reads, validated at the boundary.

export const bitbucketUserSchema = z.object({
  type: z.literal("user"),
  uuid: z.string(),
  account_id: z.string().optional(),
  display_name: z.string().optional(),
  nickname: z.string().optional(),
  username: z.string().optional(),
  links: z
    .object({ avatar: z.object({ href: z.string() }).optional(), html: z.object({ href: z.string() }).optional() })
    .optional(),
});
export type BitbucketUser = z.infer<typeof bitbucketUserSchema>;

export const bitbucketEmailSchema = z.object({
  email: z.string(),
  is_primary: z.boolean(),
  is_confirmed: z.boolean(),
});
export type BitbucketEmail = z.infer<typeof bitbucketEmailSchema>;

/** Bitbucket's paging envelope: follow `next` until it is absent. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    values: z.array(item),
    next: z.string().optional(),
    page: z.number().optional(),
    pagelen: z.number().optional(),
    size: z.number().optional(),
  });
