import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireConnectionAllowed } from "@/lib/access/permissions";
import { openSecret } from "@/lib/crypto/keyring";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

const include = { grant: true, organization: { select: { slug: true } } } as const;

/** A connection of the caller's organization (404 for any other), with its grant but no secrets. */
export async function loadConnection(access: OrgAccess, id: string) {
  requireConnectionAllowed(access, id);
  const connection = await db().vcsConnection.findFirst({ where: { id, organizationId: access.organization.id }, include });
  if (!connection) throw new AppError("not_found", { detail: "connection" });
  return connection;
}

export type LoadedConnection = Awaited<ReturnType<typeof loadConnection>>;

/** Seal contexts bind each sealed value to its record and column. */
export const sealContext = {
  clientSecret: (connectionId: string) => `vcs_connection.client_secret:${connectionId}`,
  accessToken: (connectionId: string) => `vcs_grant.access_token:${connectionId}`,
  refreshToken: (connectionId: string) => `vcs_grant.refresh_token:${connectionId}`,
};

type SealedConsumer = { id: string; hostUrl: string; clientId: string | null; clientSecretSealed: string | null };

/** The consumer's credentials for the token endpoint, the secret opened from its sealed column. */
export function consumerCredentials(connection: SealedConsumer) {
  if (!connection.clientId || !connection.clientSecretSealed) throw new AppError("invalid_state_change", { detail: "the connection has no verified key and secret" });
  return {
    hostUrl: connection.hostUrl,
    clientId: connection.clientId,
    clientSecret: openSecret(connection.clientSecretSealed, sealContext.clientSecret(connection.id)),
  };
}
