import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { validateServiceUrl } from "@/lib/http/service-url";
import type { TokenResource } from "@/lib/vcs/bitbucket-cloud/credentials";
import { checkApiUrlBelongsToHost } from "@/lib/vcs/bitbucket-cloud/api-url-policy";
import { normalizeScopes } from "@/lib/vcs/bitbucket-cloud/scopes";
import { BITBUCKET_CLOUD_API_URL, BITBUCKET_CLOUD_HOST_URL } from "./defaults";
import { PROFILES } from "./profiles";
import type { CreateInput } from "./schemas";
import { insertConnection, requireFreeName } from "./insert-connection";
import { grantedStatus, initialStatus } from "./status";
import { changeStatus } from "./status/change-status";
import { tokenExpiry, tokenGrant, verifyToken, type TokenType } from "./verify-token-input";

function resourceOf(input: CreateInput): TokenResource | null {
  if (!input.resourceKind || !input.workspace) return null;
  const key = input.resourceKind === "repository" ? input.repository : input.resourceKind === "project" ? input.project : null;
  return { kind: input.resourceKind, workspace: input.workspace, key: key ?? null };
}

/**
 * Creates a connection that authenticates with an access token or an API token. The token
 * is verified with Bitbucket first (accepted, the right resource or email, the permissions
 * it needs), and only then stored, sealed, as the connection's grant: such a connection is
 * connected from the start, with no Connect step, and that verification is its first
 * health check.
 */
export async function createTokenConnection(access: OrgAccess, input: CreateInput & { credentialType: TokenType }) {
  requireRole(access, "admin");
  const scopes = normalizeScopes(input.profile === "custom" ? (input.scopes ?? []) : PROFILES[input.profile].scopes);
  const hostUrl = validateServiceUrl(input.hostUrl ?? BITBUCKET_CLOUD_HOST_URL, "hostUrl");
  const apiUrl = validateServiceUrl(input.apiUrl ?? BITBUCKET_CLOUD_API_URL, "apiUrl");
  // The token goes to the API URL: it must be the API of the host that issued it.
  checkApiUrlBelongsToHost(hostUrl, apiUrl);
  const expiresAt = tokenExpiry(input);
  await requireFreeName(access, input.name);
  const resource = input.credentialType === "access_token" ? resourceOf(input) : null;
  const email = input.credentialType === "api_token" ? (input.email ?? null) : null;
  const started = Date.now();
  const identity = await verifyToken({ type: input.credentialType, apiUrl, token: input.token ?? "", email, resource, scopes });
  // Bitbucket just accepted the token: that was the connection's first health check.
  const checkedAt = new Date();
  const latencyMs = checkedAt.getTime() - started;

  const connection = {
    name: input.name,
    profile: input.profile,
    scopes,
    hostUrl,
    apiUrl,
    // Created like any other, then connected by the verified token in the same transaction.
    status: initialStatus(false),
    fields: {
      credentialType: input.credentialType,
      credentialExpiresAt: expiresAt,
      credentialEmail: email,
      tokenResourceKind: resource?.kind ?? null,
      tokenWorkspace: resource?.workspace ?? null,
      tokenResourceKey: resource?.key ?? null,
      verifiedAt: checkedAt,
      lastCheckedAt: checkedAt,
      lastSuccessAt: checkedAt,
    },
    audit: { credentialType: input.credentialType },
  };
  return insertConnection(access, connection, async (tx, created) => {
    await tx.healthEvent.create({ data: { connectionId: created.id, kind: "check", ok: true, latencyMs, createdAt: checkedAt } });
    // The seal is bound to the row's id, which exists only now.
    await tx.vcsGrant.create({ data: { connectionId: created.id, ...tokenGrant(created.id, input.token ?? "", expiresAt, scopes, identity) } });
    await changeStatus(tx, created, grantedStatus(0), {
      actor: access.actor,
      audit: { action: "connection.token_verified", after: { credentialType: input.credentialType, identity: identity.label, expiresAt: expiresAt.toISOString() } },
    });
    return created;
  });
}
