import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import { parseScopeList } from "@/lib/vcs/bitbucket-cloud/scopes";
import { parseCredentialType } from "@/lib/vcs/credential";
import { loadConnection } from "./load-connection";
import type { ReplaceTokenInput } from "./schemas";
import { grantedStatus } from "./status";
import { changeStatus } from "./status/change-status";
import { storedResource, tokenExpiry, tokenGrant, verifyToken } from "./verify-token-input";

/**
 * Rotates a token in place: the new one is verified for the same repository, project,
 * workspace or account before the old one is dropped, and the connection keeps its id,
 * projects and webhooks. A failed verification changes nothing.
 */
export async function replaceToken(access: OrgAccess, id: string, input: ReplaceTokenInput) {
  requireRole(access, "admin");
  const connection = await loadConnection(access, id);
  const type = parseCredentialType(connection.credentialType);
  if (type === "oauth_consumer") throw new AppError("credential_type_mismatch", { field: "token" });
  const expiresAt = tokenExpiry(input);
  const email = type === "api_token" ? (input.email ?? connection.credentialEmail) : null;
  const scopes = parseScopeList(connection.requiredScopes);
  const identity = await verifyToken({ type, apiUrl: connection.apiUrl, token: input.token, email, resource: storedResource(connection), scopes });
  const grant = { ...tokenGrant(id, input.token, expiresAt, scopes, identity), refreshedAt: new Date() };
  await db().$transaction(async (tx) => {
    await tx.vcsGrant.upsert({ where: { connectionId: id }, create: { connectionId: id, ...grant }, update: grant });
    await changeStatus(tx, connection, grantedStatus(0), {
      actor: access.actor,
      data: { credentialExpiresAt: expiresAt, credentialEmail: email, verifiedAt: new Date() },
      audit: {
        action: "connection.token_replaced",
        before: { status: connection.status, expiresAt: connection.credentialExpiresAt?.toISOString() ?? null },
        after: { status: grantedStatus(0), expiresAt: expiresAt.toISOString(), identity: identity.label },
      },
    });
  });
  log().info({ connectionId: id, credentialType: type }, "token replaced");
  return { status: grantedStatus(0), expiresAt };
}
