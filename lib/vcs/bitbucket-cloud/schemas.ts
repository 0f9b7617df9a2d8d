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

export const workspaceAccessSchema = z.object({
  administrator: z.boolean().optional(),
  workspace: z.object({ slug: z.string(), uuid: z.string(), name: z.string().optional() }).loose(),
}).loose();

export const repositorySchema = z.object({
  uuid: z.string(),
  full_name: z.string(),
  slug: z.string().optional(),
  name: z.string(),
  is_private: z.boolean(),
  description: z.string().optional(),
  updated_on: z.string().optional(),
  mainbranch: z.object({ name: z.string() }).loose().nullable().optional(),
  workspace: z.object({ slug: z.string() }).loose().optional(),
  links: z
    .object({
      html: z.object({ href: z.string() }).optional(),
      clone: z.array(z.object({ name: z.string(), href: z.string() })).optional(),
    })
    .loose()
    .optional(),
}).loose();
export type BitbucketRepository = z.infer<typeof repositorySchema>;

export const hookSchema = z.object({
  uuid: z.string(),
  url: z.string(),
  description: z.string().optional(),
  active: z.boolean().optional(),
  events: z.array(z.string()),
}).loose();
export type BitbucketHook = z.infer<typeof hookSchema>;
