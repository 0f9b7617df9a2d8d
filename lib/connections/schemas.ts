import { z } from "zod";
import { SCOPE_NAMES } from "@/lib/vcs/bitbucket-cloud/scopes";
import { PROFILE_IDS } from "./profiles";

// The inputs every entry point (pages and API) validates, one schema each.

export const connectionName = z.string().trim().min(1, { error: "Name is required." }).max(80, { error: "Name is at most 80 characters." });

const draftFields = z.object({
  name: connectionName,
  profile: z.enum(PROFILE_IDS, { error: `profile must be one of: ${PROFILE_IDS.join(", ")}.` }).default("repository_sync"),
  scopes: z.array(z.enum(SCOPE_NAMES, { error: "Unknown Bitbucket scope." })).optional(),
});

export const credentialsInput = z.object({
  clientId: z.string().trim().min(1, { error: "Key is required: copy it from the consumer's page on Bitbucket." }).max(200),
  clientSecret: z.string().trim().min(1, { error: "Secret is required: copy it from the consumer's page on Bitbucket." }).max(500),
  hostUrl: z.string().trim().min(1).optional(),
  apiUrl: z.string().trim().min(1).optional(),
});
export type CredentialsInput = z.infer<typeof credentialsInput>;

export const renameInput = z.object({ name: connectionName });

/** Creating with the key and secret at once (the VCS API) verifies them before anything is stored. */
export const createInput = z
  .object({
    name: connectionName,
    profile: draftFields.shape.profile,
    scopes: draftFields.shape.scopes,
    clientId: credentialsInput.shape.clientId.optional(),
    clientSecret: credentialsInput.shape.clientSecret.optional(),
    hostUrl: credentialsInput.shape.hostUrl,
    apiUrl: credentialsInput.shape.apiUrl,
  })
  .refine((input) => input.profile !== "custom" || (input.scopes?.length ?? 0) > 0, {
    error: "Choose at least one permission for a custom connection.",
    path: ["scopes"],
  })
  .refine((input) => Boolean(input.clientId) === Boolean(input.clientSecret), {
    error: "Send clientId and clientSecret together.",
    path: ["clientSecret"],
  });
export type CreateInput = z.infer<typeof createInput>;

/** A change of key, Host URL or API URL must come with the secret: a new host never gets the old one. */
export const updateInput = z
  .object({
    name: connectionName.optional(),
    clientId: credentialsInput.shape.clientId.optional(),
    clientSecret: credentialsInput.shape.clientSecret.optional(),
    hostUrl: credentialsInput.shape.hostUrl,
    apiUrl: credentialsInput.shape.apiUrl,
  })
  .refine((input) => input.clientSecret || (!input.clientId && !input.hostUrl && !input.apiUrl), {
    error: "Changing the key, Host URL or API URL requires entering the secret again.",
    path: ["clientSecret"],
  });
export type UpdateInput = z.infer<typeof updateInput>;
