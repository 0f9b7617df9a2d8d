import { z } from "zod";
import { CONNECTION_STATUSES } from "@/lib/connections/status";
import { TOKEN_RESOURCE_KINDS } from "@/lib/vcs/bitbucket-cloud/token-setup";
import { CREDENTIAL_TYPES } from "@/lib/vcs/credential";
import { createInput, updateInput } from "@/lib/connections/schemas";
import { errorCatalog, type ErrorCode } from "@/lib/errors/codes";

// The VCS API's bodies. Requests are validated with these very schemas, and the
// OpenAPI document (./openapi.ts) is generated from them, so the two cannot drift.

/** POST /vcs: the shared create input plus the provider, which the API asks for explicitly. */
export const createConnectionBody = createInput.safeExtend({
  vcsType: z
    .literal("BITBUCKET", { error: "vcsType must be “BITBUCKET”: only Bitbucket Cloud is supported now." })
    .meta({ description: "The version-control system. Only `BITBUCKET` (Bitbucket Cloud) is supported now." }),
});

/** PATCH /vcs/{id}: the same input the connection's page uses. */
export const updateConnectionBody = updateInput;

const ERROR_CODES = Object.keys(errorCatalog) as [ErrorCode, ...ErrorCode[]];
const timestamp = z.iso.datetime();

const credentialEnd = z
  .object({
    endsAt: timestamp,
    reason: z.enum(["refresh_token_unused", "access_token", "token_expiry"]),
  })
  .nullable()
  .meta({
    description:
      "When the connection's credential ends and why: an OAuth refresh token 90 days after its last use (refresh_token_unused), an access token that cannot be refreshed (access_token), or a token's own expiry (token_expiry). Null without a grant.",
  });
const scopeList = z.array(z.string()).meta({ description: "Bitbucket OAuth scopes, such as `repository:write`." });

const account = z
  .object({
    uuid: z.string(),
    displayName: z.string().nullable(),
    nickname: z.string().nullable(),
    avatarUrl: z.string().nullable(),
  })
  .nullable()
  .meta({ description: "The Bitbucket account that granted access; null until connected." });

/** A connection as every response shows it: never the secret or a token, the key only by its last four characters. */
export const connectionViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  vcsType: z.string().meta({ description: "`BITBUCKET` for Bitbucket Cloud." }),
  provider: z.string().meta({ description: "The internal provider id, such as `bitbucket_cloud`." }),
  status: z.enum(CONNECTION_STATUSES),
  profile: z.string().meta({ description: "What the connection is for; it decides the required scopes." }),
  hostUrl: z.url(),
  apiUrl: z.url(),
  clientIdLast4: z.string().nullable().meta({ description: "The consumer key's last four characters." }),
  consumerKind: z.enum(["private", "public"]).nullable(),
  callbackUrl: z.url().meta({ description: "Paste into the OAuth consumer's Callback URL on Bitbucket." }),
  connectUrl: z.url().meta({ description: "Open in a browser, signed in as an admin, to grant access on Bitbucket." }),
  requiredScopes: scopeList,
  grantedScopes: scopeList,
  missingScopes: scopeList,
  account,
  expiresAt: timestamp.nullable().meta({ description: "When the current access token expires." }),
  credentialType: z.enum(CREDENTIAL_TYPES).meta({ description: "What the connection authenticates with: an OAuth consumer, an access token (Bearer) or an API token (Basic with an email)." }),
  credentialExpiresAt: timestamp.nullable().meta({ description: "When the credential itself ends: a token's expiry from setup, or an OAuth refresh token's end (3 months after its last use)." }),
  credentialExpiresInDays: z.number().int().nullable().meta({ description: "Whole days until credentialExpiresAt (negative once past)." }),
  credentialEmail: z.string().nullable().meta({ description: "API tokens: the Atlassian account email they are used with." }),
  tokenResource: z
    .object({ kind: z.enum(TOKEN_RESOURCE_KINDS), workspace: z.string(), key: z.string().nullable() })
    .nullable()
    .meta({ description: "Access tokens: the repository (key = slug), project (key = project key) or workspace they belong to." }),
  credentialEnd,
  refreshedAt: timestamp.nullable(),
  verifiedAt: timestamp.nullable().meta({ description: "When the key and secret were last verified with Bitbucket." }),
  lastCheckedAt: timestamp.nullable().meta({ description: "When a health check last ran." }),
  lastSuccessAt: timestamp.nullable().meta({ description: "When a health check last succeeded." }),
  lastError: z.object({ code: z.enum(ERROR_CODES), message: z.string(), hint: z.string(), at: timestamp.nullable() }).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
type ConnectionViewBody = z.output<typeof connectionViewSchema>;

export const connectionListSchema = z.object({
  data: z.array(connectionViewSchema),
  next: z.string().nullable().meta({ description: "Pass as `cursor` to get the next page; null on the last page." }),
});

export const connectionStatusSchema = z.object({
  status: z.enum(CONNECTION_STATUSES),
  account,
  grantedScopes: scopeList,
  missingScopes: scopeList,
  expiresAt: timestamp.nullable(),
  credentialType: z.enum(CREDENTIAL_TYPES),
  credentialExpiresAt: timestamp.nullable(),
  credentialEnd,
  lastCheckedAt: timestamp.nullable().meta({ description: "When a health check last ran (Connect, the background sweep, or Check now)." }),
  lastError: z.object({ code: z.enum(ERROR_CODES), message: z.string(), hint: z.string() }).nullable(),
});
export type ConnectionStatusBody = z.output<typeof connectionStatusSchema>;

/** GET /vcs/{id}/status: the part of a connection automation polls. */
export function toConnectionStatus(view: ConnectionViewBody): ConnectionStatusBody {
  return {
    status: view.status,
    account: view.account,
    grantedScopes: view.grantedScopes,
    missingScopes: view.missingScopes,
    expiresAt: view.expiresAt,
    credentialType: view.credentialType,
    credentialExpiresAt: view.credentialExpiresAt,
    credentialEnd: view.credentialEnd,
    lastCheckedAt: view.lastCheckedAt,
    lastError: view.lastError ? { code: view.lastError.code, message: view.lastError.message, hint: view.lastError.hint } : null,
  };
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().meta({ description: "Stable, machine-readable: `invalid_input`, `unauthenticated`, `forbidden`, `not_found`, `consumer_secret_wrong`, …" }),
    message: z.string(),
    hint: z.string().meta({ description: "What to do about it." }),
    field: z.string().optional().meta({ description: "The request field at fault, when there is one." }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: "Every invalid field with its message (validation errors)." }),
  }),
});

// Organizations, projects and deliveries, as the VCS API lists them.

export const organizationListSchema = z.object({
  data: z.array(z.object({ slug: z.string(), name: z.string(), role: z.enum(["owner", "admin", "member"]).meta({ description: "The role the token acts with there (its creator's)." }) })),
});

export const projectViewSchema = z.object({
  id: z.string(),
  fullName: z.string().meta({ description: "`workspace/repository` on Bitbucket." }),
  name: z.string(),
  workspaceSlug: z.string(),
  slug: z.string(),
  isPrivate: z.boolean(),
  mainBranch: z.string().nullable(),
  htmlUrl: z.string().nullable(),
  cloneHttpsUrl: z.string().nullable(),
  cloneSshUrl: z.string().nullable(),
  events: z.array(z.string()).meta({ description: "The webhook events subscribed to." }),
  hookStatus: z.string().meta({ description: "Whether the webhook on Bitbucket is registered." }),
  hookError: z.object({ code: z.string(), message: z.string(), hint: z.string() }).nullable(),
  lastPushAt: timestamp.nullable(),
  createdAt: timestamp,
  connection: z.object({ id: z.string(), name: z.string(), status: z.enum(CONNECTION_STATUSES) }),
});
export const projectListSchema = z.object({ data: z.array(projectViewSchema) });

export const deliveryPageSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      requestUuid: z.string().meta({ description: "Bitbucket's X-Request-UUID; a redelivery keeps it." }),
      eventKey: z.string().meta({ description: "Such as `repo:push`." }),
      attempt: z.number().int(),
      signatureOk: z.boolean(),
      outcome: z.string().meta({ description: "`received`, `processed` or `failed`." }),
      summary: z.record(z.string(), z.unknown()).meta({ description: "What a person wants to see: branch, commits and author for a push; title and state for a pull request." }),
      receivedAt: timestamp,
    }),
  ),
  next: z.string().nullable().meta({ description: "Pass as `cursor` for the next (older) page; null on the last page." }),
});

export const deliveryPageQuery = z.object({
  limit: z.coerce.number({ error: "limit must be a number from 1 to 200." }).int().min(1, { error: "limit must be at least 1." }).max(200, { error: "limit must be at most 200." }).optional(),
  cursor: z.string().min(1).optional(),
});

/** POST /vcs/{id}/token: a contract other tools (git credential helpers) rely on exactly. */
export const issuedAccessTokenSchema = z.object({
  data: z.object({
    accessToken: z.string().meta({ description: "A Bitbucket OAuth access token: `Authorization: Bearer <accessToken>`, or git over HTTPS with `gitUsername`." }),
    expiresAt: timestamp.nullable().meta({ description: "When it expires (Bitbucket's live 2 hours); ask again before then. Null for a credential without an expiry." }),
    scopes: scopeList,
    gitUsername: z.literal("x-token-auth").meta({ description: "The user name git over HTTPS takes with this token." }),
  }),
});
