import "server-only";
import { openSecret } from "@/lib/crypto/keyring";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { ErrorCode } from "@/lib/errors/codes";
import { log } from "@/lib/log";
import { accessTokenCredential, apiTokenCredential, oauthCredential } from "@/lib/vcs/bitbucket-cloud/credentials";
import { parseScopeList } from "@/lib/vcs/bitbucket-cloud/scopes";
import { parseCredentialType, type VcsCredential } from "@/lib/vcs/credential";
import { getAccessToken } from "./get-access-token";
import { sealContext } from "./load-connection";
import { needsReauthorization } from "./status";
import { changeStatus, SYSTEM } from "./status/change-status";
import { storedResource } from "./verify-token-input";

async function readConnection(connectionId: string) {
  const connection = await db().vcsConnection.findUnique({
    where: { id: connectionId },
    include: { grant: { omit: { accessTokenSealed: false } } },
  });
  if (!connection) throw new AppError("not_found", { detail: "connection" });
  return connection;
}

const bearerOf = (credential: VcsCredential | undefined) => credential?.authorization().replace(/^Bearer /, "");

/**
 * The credential a connection calls Bitbucket with, whatever its kind: an OAuth access
 * token (refreshed ahead of expiry by getAccessToken), an access token or an API token.
 * Pass `rejected` after Bitbucket answered 401 to it: OAuth refreshes once; a token cannot,
 * so the connection is marked for a new one (expired or revoked) and the error says so.
 */
export async function getCredential(connectionId: string, options: { rejected?: VcsCredential } = {}): Promise<VcsCredential> {
  const connection = await readConnection(connectionId);
  const type = parseCredentialType(connection.credentialType);
  if (type === "oauth_consumer") {
    const accessToken = await getAccessToken(connectionId, { rejected: bearerOf(options.rejected) });
    const grant = connection.grant;
    const self: VcsCredential = oauthCredential({
      accessToken,
      // The grant read before a refresh may be older; the refreshed token lives at least as long.
      expiresAt: grant?.expiresAt ?? new Date(),
      grantedScopes: parseScopeList(grant?.grantedScopes),
      account: grant?.accountName ?? null,
      refresh: () => getCredential(connectionId, { rejected: self }),
    });
    return self;
  }
  const grant = connection.grant;
  if (!grant || needsReauthorization(connection.status)) {
    throw new AppError(connection.lastErrorCode === "bitbucket_token_expired" ? "bitbucket_token_expired" : connection.lastErrorCode === "bitbucket_token_revoked" ? "bitbucket_token_revoked" : "needs_reauthorization");
  }
  if (options.rejected) {
    const reason: ErrorCode = grant.expiresAt.getTime() <= Date.now() ? "bitbucket_token_expired" : "bitbucket_token_revoked";
    await db().$transaction((tx) => changeStatus(tx, connection, "needs_reauthorization", { reason, actor: SYSTEM }));
    log().warn({ connectionId, reason }, "Bitbucket no longer accepts the connection's token");
    throw new AppError(reason);
  }
  const token = openSecret(grant.accessTokenSealed, sealContext.accessToken(connectionId));
  if (type === "api_token") {
    return apiTokenCredential({ email: connection.credentialEmail ?? "", token, account: grant.accountName, expiresAt: connection.credentialExpiresAt });
  }
  const resource = storedResource(connection);
  if (!resource) throw new AppError("invalid_state_change", { detail: "the access token's resource is not recorded" });
  return accessTokenCredential({ token, resource, expiresAt: connection.credentialExpiresAt });
}
