import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { randomToken, sha256 } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { authorizeUrl } from "@/lib/vcs/bitbucket-cloud/oauth";
import { connectionUrls } from "./connection-view";
import { loadConnection } from "./load-connection";
import { canConnect } from "./status";

export const AUTHORIZATION_TTL_MS = 10 * 60 * 1000;

/**
 * Starts Connect: mints a `state` of 256 random bits, stores only its hash, bound to
 * this admin, this browser session and this connection, single-use and valid for ten
 * minutes, and returns Bitbucket's authorize URL on the connection's own host.
 */
export async function startAuthorization(access: OrgAccess, id: string, sessionToken: string): Promise<string> {
  requireRole(access, "admin");
  const connection = await loadConnection(access, id);
  if (!connection.clientId || !canConnect(connection.status)) {
    throw new AppError("invalid_state_change", { detail: "save and verify the key and secret first" });
  }
  const state = randomToken(32);
  await db().authorizationRequest.create({
    data: {
      stateHash: sha256(state),
      connectionId: id,
      userId: access.actor.userId,
      sessionHash: sha256(sessionToken),
      expiresAt: new Date(Date.now() + AUTHORIZATION_TTL_MS),
    },
  });
  const { callbackUrl } = connectionUrls(access.organization.slug, id);
  return authorizeUrl(connection.hostUrl, connection.clientId, state, callbackUrl);
}
