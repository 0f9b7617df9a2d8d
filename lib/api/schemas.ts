import { z } from "zod";
import { CONNECTION_STATUSES } from "@/lib/connections/status";
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

export const connectionListSchema = z.object({ data: z.array(connectionViewSchema) });

export const connectionStatusSchema = z.object({
  status: z.enum(CONNECTION_STATUSES),
  account,
  grantedScopes: scopeList,
  missingScopes: scopeList,
  expiresAt: timestamp.nullable(),
  credentialEnd,
  lastCheckedAt: timestamp.nullable().meta({ description: "When a health check last ran (the background sweep, or Test now)." }),
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
