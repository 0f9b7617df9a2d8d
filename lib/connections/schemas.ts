import { z } from "zod";
import { SCOPE_NAMES } from "@/lib/vcs/bitbucket-cloud/scopes";
import { CREDENTIAL_TYPES } from "@/lib/vcs/credential";
import { EXPIRY_PRESETS, TOKEN_RESOURCE_KINDS } from "@/lib/vcs/bitbucket-cloud/token-setup";
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

const slug = (what: string) =>
  z.string().trim().min(1, { error: `${what} is required.` }).max(100).regex(/^[\w.-]+$/, { error: `${what}: letters, digits, -, _ and . only, as in its Bitbucket address.` });

/**
 * An access token or API token as the admin copies it from Bitbucket, with what it belongs
 * to and the expiry they chose there (a preset or a date).
 */
export const tokenFields = z.object({
  token: z.string().trim().min(1, { error: "Token is required: copy it from Bitbucket right after Create (it is shown once)." }).max(4000),
  email: z.string().trim().max(320).optional(),
  resourceKind: z.enum(TOKEN_RESOURCE_KINDS, { error: "resourceKind must be repository, project or workspace." }).optional(),
  workspace: slug("Workspace").optional(),
  repository: slug("Repository").optional(),
  project: slug("Project key").optional(),
  expiresInDays: z.union(EXPIRY_PRESETS.map((d) => z.literal(d)) as [z.ZodLiteral<90>, z.ZodLiteral<180>, z.ZodLiteral<365>], { error: "expiresInDays must be 90, 180 or 365." }).optional(),
  expiresOn: z.iso.date({ error: "Expiry date must be a date (YYYY-MM-DD)." }).optional(),
});

type TokenFieldsInput = Partial<z.infer<typeof tokenFields>> & { credentialType?: string };

/** The fields each token kind needs, each missing one named. */
function requireTokenFields(input: TokenFieldsInput, ctx: z.RefinementCtx) {
  if (!input.credentialType || input.credentialType === "oauth_consumer") return;
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
  };
  need(Boolean(input.token), "token", "Token is required: copy it from Bitbucket right after Create (it is shown once).");
  need(Boolean(input.expiresInDays) !== Boolean(input.expiresOn), "expiresInDays", "Choose the expiry you picked on Bitbucket: 90, 180 or 365 days, or a date.");
  if (input.credentialType === "api_token") {
    need(Boolean(input.email), "email", "Email is required: API tokens work with your Atlassian account's email address.");
    return;
  }
  need(Boolean(input.resourceKind), "resourceKind", "Choose what the access token belongs to: a repository, a project or a workspace.");
  need(Boolean(input.workspace), "workspace", "Workspace is required.");
  if (input.resourceKind === "repository") need(Boolean(input.repository), "repository", "Repository is required for a repository access token.");
  if (input.resourceKind === "project") need(Boolean(input.project), "project", "Project key is required for a project access token.");
}

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
    credentialType: z.enum(CREDENTIAL_TYPES, { error: "credentialType must be oauth_consumer, access_token or api_token." }).optional().meta({ description: "What the connection authenticates with; `oauth_consumer` when omitted." }),
    ...tokenFields.partial().shape,
  })
  .superRefine(requireTokenFields)
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
    token: tokenFields.shape.token.optional().meta({ description: "A new access token or API token (replaced in place, verified first)." }),
    email: tokenFields.shape.email,
    expiresInDays: tokenFields.shape.expiresInDays,
    expiresOn: tokenFields.shape.expiresOn,
  })
  .refine((input) => !input.token || Boolean(input.expiresInDays) !== Boolean(input.expiresOn), {
    error: "Choose the new token's expiry: expiresInDays (90, 180 or 365) or expiresOn.",
    path: ["expiresInDays"],
  })
  .refine((input) => input.clientSecret || (!input.clientId && !input.hostUrl && !input.apiUrl), {
    error: "Changing the key, Host URL or API URL requires entering the secret again.",
    path: ["clientSecret"],
  });
export type UpdateInput = z.infer<typeof updateInput>;

/** Replacing a token: the new one (and for an API token its email), with its expiry; verified before the old one goes. */
export const replaceTokenInput = tokenFields
  .pick({ token: true, email: true, expiresInDays: true, expiresOn: true })
  .refine((input) => Boolean(input.expiresInDays) !== Boolean(input.expiresOn), {
    error: "Choose the expiry you picked on Bitbucket: 90, 180 or 365 days, or a date.",
    path: ["expiresInDays"],
  });
export type ReplaceTokenInput = z.infer<typeof replaceTokenInput>;
