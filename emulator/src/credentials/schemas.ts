// zod schemas for the credentials' state file part and their control API bodies.
import { z } from "zod";

export const credentialStateSchema = z.object({
  accessTokens: z.array(z.object({
    id: z.string(), token: z.string(), name: z.string(), kind: z.enum(["repository", "project", "workspace"]),
    workspace: z.string(), projectKey: z.string().nullable(), repoSlug: z.string().nullable(), scopes: z.array(z.string()),
    createdBy: z.string(), createdAt: z.number(), expiresAt: z.number().nullable(), revoked: z.boolean(), rateLimit: z.number(),
  })),
  apiTokens: z.array(z.object({
    id: z.string(), token: z.string(), name: z.string(), username: z.string(), scopes: z.array(z.string()),
    createdAt: z.number(), expiresAt: z.number(), revoked: z.boolean(),
  })),
});

const expiry = {
  /** Days from now on the emulator's clock; null = no expiry (access tokens only). */
  expiresInDays: z.number().positive().nullable().optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
};

export const createAccessTokenSchema = z.object({
  kind: z.enum(["repository", "project", "workspace"]),
  workspace: z.string().min(1),
  project: z.string().min(1).optional(),
  repository: z.string().min(1).optional(),
  name: z.string().min(1).max(255).default("Access token"),
  scopes: z.array(z.string()).min(1),
  rateLimit: z.number().int().min(1).max(10_000).optional(),
  ...expiry,
}).strict();

export const createApiTokenSchema = z.object({
  username: z.string().min(1),
  name: z.string().min(1).max(255).default("API token"),
  scopes: z.array(z.string()).min(1),
  ...expiry,
}).strict();

export const credentialIdSchema = z.object({ id: z.string().min(1) }).strict();
