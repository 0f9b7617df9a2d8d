import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { openSecret, sealSecret } from "@/lib/crypto/keyring";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import { validateServiceUrl } from "@/lib/http/service-url";
import { hasRole } from "@/lib/access/roles";
import { checkApiUrlBelongsToHost } from "@/lib/vcs/bitbucket-cloud/api-url-policy";
import { verifyConsumer } from "@/lib/vcs/bitbucket-cloud/verify-consumer";
import { loadConnection, sealContext } from "./load-connection";
import type { CredentialsInput } from "./schemas";
import { isDraft as isDraftStatus, parseStatus } from "./status";
import { changeStatus } from "./status/change-status";

/**
 * Verifies and stores a consumer's key and secret (first setup, secret rotation, or a
 * new Host/API URL). The secret is always the one entered now, so a changed URL never
 * receives the old one. A new key or URL invalidates the grant: tokens are deleted and
 * the connection must be authorized again; moving a connected connection to other URLs
 * is for owners, and the API URL must belong to the Host URL (tokens go there). A draft
 * keeps its key and URLs even when verification fails, so nothing typed is lost; the
 * secret is stored only once verified.
 */
export async function saveCredentials(access: OrgAccess, id: string, input: CredentialsInput) {
  requireRole(access, "admin");
  const connection = await loadConnection(access, id);
  const hostUrl = validateServiceUrl(input.hostUrl ?? connection.hostUrl, "hostUrl");
  const apiUrl = validateServiceUrl(input.apiUrl ?? connection.apiUrl, "apiUrl");
  checkApiUrlBelongsToHost(hostUrl, apiUrl);
  // A working connection's tokens would go to the new address: that is an owner's call.
  const urlField = hostUrl !== connection.hostUrl ? "hostUrl" : apiUrl !== connection.apiUrl ? "apiUrl" : null;
  if (urlField && connection.grant && !hasRole(access.role, "owner")) throw new AppError("url_change_owner_only", { field: urlField });
  const consumer = { hostUrl, apiUrl, clientId: input.clientId, clientSecret: input.clientSecret };
  const isDraft = isDraftStatus(connection.status);

  let kind: Awaited<ReturnType<typeof verifyConsumer>>;
  try {
    kind = await verifyConsumer(consumer);
  } catch (error) {
    log().info({ connectionId: id, code: isAppError(error) ? error.code : "unexpected", field: isAppError(error) ? error.field : undefined }, "consumer verification failed");
    if (isDraft && isAppError(error)) {
      await db().vcsConnection.update({
        where: { id },
        data: { clientId: input.clientId, hostUrl, apiUrl, lastErrorCode: error.code, lastErrorAt: new Date() },
      });
    }
    throw error;
  }

  const identityChanged = input.clientId !== connection.clientId || hostUrl !== connection.hostUrl || apiUrl !== connection.apiUrl;
  // The same pair checked again is not a rotation; the audit log says which it was.
  const sameSecret = !isDraft && !identityChanged && (await storedSecretEquals(id, input.clientSecret));
  const status = isDraft || identityChanged ? "awaiting_authorization" : parseStatus(connection.status);
  const before = { clientIdLast4: connection.clientId?.slice(-4) ?? null, hostUrl: connection.hostUrl, apiUrl: connection.apiUrl, status: connection.status };
  let cleared = false;
  await db().$transaction(async (tx) => {
    // Whatever grant exists now, not the one read before verification: a callback may have stored one meanwhile.
    if (identityChanged) cleared = (await tx.vcsGrant.deleteMany({ where: { connectionId: id } })).count > 0;
    await changeStatus(tx, connection, status, {
      actor: access.actor,
      data: {
        clientId: input.clientId,
        clientSecretSealed: sealSecret(input.clientSecret, sealContext.clientSecret(id)),
        hostUrl,
        apiUrl,
        consumerKind: kind,
        verifiedAt: new Date(),
      },
      audit: {
        action: isDraft
          ? "connection.credentials_saved"
          : identityChanged
            ? "connection.consumer_changed"
            : sameSecret
              ? "connection.credentials_reverified"
              : "connection.secret_rotated",
        before,
        after: { clientIdLast4: input.clientId.slice(-4), hostUrl, apiUrl, status, consumerKind: kind, tokensCleared: cleared },
      },
    });
  });
  log().info({ connectionId: id, consumerKind: kind, status, tokensCleared: cleared }, "consumer credentials saved");
  return { consumerKind: kind, status };
}

async function storedSecretEquals(id: string, secret: string): Promise<boolean> {
  const stored = await db().vcsConnection.findUnique({ where: { id }, select: { clientSecretSealed: true } });
  if (!stored?.clientSecretSealed) return false;
  const a = Buffer.from(openSecret(stored.clientSecretSealed, sealContext.clientSecret(id)));
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
