import { z } from "zod";
import { SCOPE_NAMES } from "@/lib/vcs/bitbucket-cloud/scopes";
import { PROFILE_IDS } from "./profiles";

// The inputs every entry point (pages and API) validates, one schema each.

export const connectionName = z.string().trim().min(1, { error: "Name is required." }).max(80, { error: "Name is at most 80 characters." });

export const draftInput = z
  .object({
    name: connectionName,
    profile: z.enum(PROFILE_IDS, { error: `profile must be one of: ${PROFILE_IDS.join(", ")}.` }).default("repository_sync"),
    scopes: z.array(z.enum(SCOPE_NAMES, { error: "Unknown Bitbucket scope." })).optional(),
  })
  .refine((input) => input.profile !== "custom" || (input.scopes?.length ?? 0) > 0, {
    error: "Choose at least one permission for a custom connection.",
    path: ["scopes"],
  });
export type DraftInput = z.infer<typeof draftInput>;

export const credentialsInput = z.object({
  clientId: z.string().trim().min(1, { error: "Key is required: copy it from the consumer's page on Bitbucket." }).max(200),
  clientSecret: z.string().trim().min(1, { error: "Secret is required: copy it from the consumer's page on Bitbucket." }).max(500),
  hostUrl: z.string().trim().min(1).optional(),
  apiUrl: z.string().trim().min(1).optional(),
});
export type CredentialsInput = z.infer<typeof credentialsInput>;

export const renameInput = z.object({ name: connectionName });
