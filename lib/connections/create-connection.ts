import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireConnectionAllowed } from "@/lib/access/permissions";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealSecret } from "@/lib/crypto/keyring";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { validateServiceUrl } from "@/lib/http/service-url";
import { normalizeScopes } from "@/lib/vcs/bitbucket-cloud/scopes";
import { checkApiUrlBelongsToHost } from "@/lib/vcs/bitbucket-cloud/api-url-policy";
import { verifyConsumer, type ConsumerKind } from "@/lib/vcs/bitbucket-cloud/verify-consumer";
import { createTokenConnection } from "./create-token-connection";
import { BITBUCKET_CLOUD_API_URL, BITBUCKET_CLOUD_HOST_URL } from "./defaults";
import { sealContext } from "./load-connection";
import { PROFILES } from "./profiles";
import type { CreateInput } from "./schemas";
import { initialStatus } from "./status";

/**
 * Creates a connection. Without credentials it is a draft, created first so its real
 * callback URL ({APP_URL}/callback/v1/vcs/{id}) is known before the admin creates the
 * consumer on Bitbucket: no placeholder to edit later. With credentials (the VCS API)
 * they are verified first, and the connection is stored only if they pass. Access tokens
 * and API tokens are verified and stored by createTokenConnection.
 */
export async function createConnection(access: OrgAccess, input: CreateInput) {
  requireRole(access, "admin");
  requireConnectionAllowed(access, null);
  if (input.credentialType === "access_token" || input.credentialType === "api_token") {
    return createTokenConnection(access, { ...input, credentialType: input.credentialType });
  }
  const scopes = normalizeScopes(input.profile === "custom" ? (input.scopes ?? []) : PROFILES[input.profile].scopes);
  const hostUrl = validateServiceUrl(input.hostUrl ?? BITBUCKET_CLOUD_HOST_URL, "hostUrl");
  const apiUrl = validateServiceUrl(input.apiUrl ?? BITBUCKET_CLOUD_API_URL, "apiUrl");
  checkApiUrlBelongsToHost(hostUrl, apiUrl);
  const credentials = input.clientId && input.clientSecret ? { clientId: input.clientId, clientSecret: input.clientSecret } : null;
  let consumerKind: ConsumerKind | null = null;
  if (credentials) {
    const taken = await db().vcsConnection.count({ where: { organizationId: access.organization.id, name: input.name } });
    if (taken > 0) throw new AppError("name_taken", { field: "name" });
    consumerKind = await verifyConsumer({ hostUrl, apiUrl, ...credentials });
  }

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
          status: initialStatus(Boolean(credentials)),
          clientId: credentials?.clientId ?? null,
          consumerKind,
          verifiedAt: credentials ? new Date() : null,
        },
      });
      // The seal is bound to the row's id, which exists only now.
      const connection = credentials
        ? await tx.vcsConnection.update({
            where: { id: created.id },
            data: { clientSecretSealed: sealSecret(credentials.clientSecret, sealContext.clientSecret(created.id)) },
          })
        : created;
      await recordAuditEvent(tx, {
        organizationId: access.organization.id,
        actor: access.actor,
        action: "connection.created",
        target: { type: "connection", id: connection.id },
        after: { name: input.name, profile: input.profile, requiredScopes: scopes, hostUrl, apiUrl, clientIdLast4: credentials?.clientId.slice(-4) ?? null, status: connection.status },
      });
      return connection;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("name_taken", { field: "name" });
    throw error;
  }
}
