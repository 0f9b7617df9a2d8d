import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireConnectionAllowed } from "@/lib/access/permissions";
import { requireRole } from "@/lib/access/resolve-access";
import { sealSecret } from "@/lib/crypto/keyring";
import { validateServiceUrl } from "@/lib/http/service-url";
import { normalizeScopes } from "@/lib/vcs/bitbucket-cloud/scopes";
import { checkApiUrlBelongsToHost } from "@/lib/vcs/bitbucket-cloud/api-url-policy";
import { verifyConsumer, type ConsumerKind } from "@/lib/vcs/bitbucket-cloud/verify-consumer";
import { createTokenConnection } from "./create-token-connection";
import { insertConnection, requireFreeName } from "./insert-connection";
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
    await requireFreeName(access, input.name);
    consumerKind = await verifyConsumer({ hostUrl, apiUrl, ...credentials });
  }
  const connection = {
    name: input.name,
    profile: input.profile,
    scopes,
    hostUrl,
    apiUrl,
    status: initialStatus(Boolean(credentials)),
    fields: { clientId: credentials?.clientId ?? null, consumerKind, verifiedAt: credentials ? new Date() : null },
    audit: { clientIdLast4: credentials?.clientId.slice(-4) ?? null },
  };
  return insertConnection(access, connection, async (tx, created) =>
    credentials
      ? // The seal is bound to the row's id, which exists only now.
        tx.vcsConnection.update({ where: { id: created.id }, data: { clientSecretSealed: sealSecret(credentials.clientSecret, sealContext.clientSecret(created.id)) } })
      : created,
  );
}
