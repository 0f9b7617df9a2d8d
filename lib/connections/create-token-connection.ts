import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealSecret } from "@/lib/crypto/keyring";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { validateServiceUrl } from "@/lib/http/service-url";
import type { TokenResource } from "@/lib/vcs/bitbucket-cloud/credentials";
import { checkApiUrlBelongsToHost } from "@/lib/vcs/bitbucket-cloud/api-url-policy";
import { normalizeScopes } from "@/lib/vcs/bitbucket-cloud/scopes";
import { BITBUCKET_CLOUD_API_URL, BITBUCKET_CLOUD_HOST_URL } from "./defaults";
import { sealContext } from "./load-connection";
import { PROFILES } from "./profiles";
import type { CreateInput } from "./schemas";
import { grantedStatus } from "./status";
import { changeStatus } from "./status/change-status";
import { tokenExpiry, verifyToken, type TokenType } from "./verify-token-input";

function resourceOf(input: CreateInput): TokenResource | null {
  if (!input.resourceKind || !input.workspace) return null;
  const key = input.resourceKind === "repository" ? input.repository : input.resourceKind === "project" ? input.project : null;
  return { kind: input.resourceKind, workspace: input.workspace, key: key ?? null };
}

/**
 * Creates a connection that authenticates with an access token or an API token. The token
 * is verified with Bitbucket first (accepted, the right resource or email, the permissions
 * it needs), and only then stored, sealed, as the connection's grant: such a connection is
 * connected from the start, with no Connect step.
 */
export async function createTokenConnection(access: OrgAccess, input: CreateInput & { credentialType: TokenType }) {
  requireRole(access, "admin");
  const scopes = normalizeScopes(input.profile === "custom" ? (input.scopes ?? []) : PROFILES[input.profile].scopes);
  const hostUrl = validateServiceUrl(input.hostUrl ?? BITBUCKET_CLOUD_HOST_URL, "hostUrl");
  const apiUrl = validateServiceUrl(input.apiUrl ?? BITBUCKET_CLOUD_API_URL, "apiUrl");
  // The token goes to the API URL: it must be the API of the host that issued it.
  checkApiUrlBelongsToHost(hostUrl, apiUrl);
  const expiresAt = tokenExpiry(input);
  const taken = await db().vcsConnection.count({ where: { organizationId: access.organization.id, name: input.name } });
  if (taken > 0) throw new AppError("name_taken", { field: "name" });
  const resource = input.credentialType === "access_token" ? resourceOf(input) : null;
  const email = input.credentialType === "api_token" ? (input.email ?? null) : null;
  const identity = await verifyToken({ type: input.credentialType, apiUrl, token: input.token ?? "", email, resource, scopes });

  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.vcsConnection.create({
        data: {
          organizationId: access.organization.id,
          provider: "bitbucket_cloud",
          name: input.name,
          hostUrl,
          apiUrl,
          profile: input.profile,
          requiredScopes: scopes.join(" "),
          status: "draft",
          credentialType: input.credentialType,
          credentialExpiresAt: expiresAt,
          credentialEmail: email,
          tokenResourceKind: resource?.kind ?? null,
          tokenWorkspace: resource?.workspace ?? null,
          tokenResourceKey: resource?.key ?? null,
          verifiedAt: new Date(),
        },
      });
      await tx.vcsGrant.create({
        data: {
          connectionId: created.id,
          // The seal is bound to the row's id, which exists only now.
          accessTokenSealed: sealSecret(input.token ?? "", sealContext.accessToken(created.id)),
          expiresAt,
          grantedScopes: scopes.join(" "),
          accountUuid: identity.account?.uuid ?? null,
          accountName: identity.account?.displayName ?? identity.label,
          accountNickname: identity.account?.nickname ?? null,
          accountAvatarUrl: identity.account?.avatarUrl ?? null,
        },
      });
      await recordAuditEvent(tx, {
        organizationId: access.organization.id,
        actor: access.actor,
        action: "connection.created",
        target: { type: "connection", id: created.id },
        after: { name: input.name, profile: input.profile, credentialType: input.credentialType, requiredScopes: scopes, hostUrl, apiUrl, status: created.status },
      });
      await changeStatus(tx, created, grantedStatus(0), {
        actor: access.actor,
        audit: { action: "connection.token_verified", after: { credentialType: input.credentialType, identity: identity.label, expiresAt: expiresAt.toISOString() } },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("name_taken", { field: "name" });
    throw error;
  }
}
