import "server-only";
import { env } from "@/lib/env";
import { describeError, errorCatalog, type ErrorCode } from "@/lib/errors/codes";
import { missingScopes, parseScopeList } from "@/lib/vcs/bitbucket-cloud/scopes";
import type { LoadedConnection } from "./load-connection";
import { credentialEnd } from "./credential-end";
import { hasGrant, parseStatus } from "./status";
import { daysUntil } from "@/lib/vcs/bitbucket-cloud/token-setup";
import { parseCredentialType } from "@/lib/vcs/credential";
import { storedResource } from "./verify-token-input";

export const connectionUrls = (orgSlug: string, id: string) => ({
  callbackUrl: `${env().APP_URL}/callback/v1/vcs/${id}`,
  connectUrl: `${env().APP_URL}/orgs/${orgSlug}/connections/${id}/connect`,
});

const vcsType = { bitbucket_cloud: "BITBUCKET" } as const;

/**
 * The only shape in which a connection leaves the server (pages and API alike): no
 * secret, no token; the client id only by its last four characters.
 */
export function toConnectionView(connection: LoadedConnection) {
  const required = parseScopeList(connection.requiredScopes);
  const granted = connection.grant ? parseScopeList(connection.grant.grantedScopes) : [];
  const lastErrorCode = connection.lastErrorCode && connection.lastErrorCode in errorCatalog ? (connection.lastErrorCode as ErrorCode) : null;
  return {
    id: connection.id,
    name: connection.name,
    vcsType: vcsType[connection.provider as keyof typeof vcsType] ?? connection.provider,
    provider: connection.provider,
    status: parseStatus(connection.status),
    profile: connection.profile,
    hostUrl: connection.hostUrl,
    apiUrl: connection.apiUrl,
    clientIdLast4: connection.clientId ? connection.clientId.slice(-4) : null,
    consumerKind: connection.consumerKind as "private" | "public" | null,
    ...connectionUrls(connection.organization.slug, connection.id),
    requiredScopes: required,
    grantedScopes: granted,
    missingScopes: connection.grant ? missingScopes(required, granted) : [],
    account: connection.grant?.accountUuid
      ? {
          uuid: connection.grant.accountUuid,
          displayName: connection.grant.accountName,
          nickname: connection.grant.accountNickname,
          avatarUrl: connection.grant.accountAvatarUrl,
        }
      : null,
    expiresAt: connection.grant?.expiresAt.toISOString() ?? null,
    credentialType: parseCredentialType(connection.credentialType),
    /** When the credential itself ends: a token's expiry, an OAuth refresh token's idle limit. */
    credentialExpiresAt: connection.credentialExpiresAt?.toISOString() ?? null,
    credentialExpiresInDays: connection.credentialExpiresAt ? daysUntil(connection.credentialExpiresAt, new Date()) : null,
    credentialEmail: connection.credentialEmail,
    tokenResource: storedResource(connection),
    credentialEnd: credentialEndView(connection),
    refreshedAt: connection.grant?.refreshedAt?.toISOString() ?? null,
    verifiedAt: connection.verifiedAt?.toISOString() ?? null,
    lastCheckedAt: connection.lastCheckedAt?.toISOString() ?? null,
    lastSuccessAt: connection.lastSuccessAt?.toISOString() ?? null,
    lastError: lastErrorCode ? { ...describeError(lastErrorCode), at: connection.lastErrorAt?.toISOString() ?? null } : null,
    createdAt: connection.createdAt.toISOString(),
    updatedAt: connection.updatedAt.toISOString(),
  };
}

/** When the connection's credential ends and why (null without a grant). */
function credentialEndView(connection: LoadedConnection) {
  if (!hasGrant(connection.status)) return null;
  const end = credentialEnd({ credentialType: connection.credentialType, credentialExpiresAt: connection.credentialExpiresAt, grant: connection.grant });
  return end ? { endsAt: end.endsAt.toISOString(), reason: end.reason } : null;
}

export type ConnectionView = ReturnType<typeof toConnectionView>;
