import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { countConsumerUse } from "@/lib/connections/consumer-usage";
import { getAccessTokenGrant } from "./get-access-token";
import { serviceConnection } from "./service-connection";

/** What git over HTTPS takes as the user name with a Bitbucket OAuth access token. */
export const BITBUCKET_GIT_USERNAME = "x-token-auth";

export type IssuedAccessToken = { accessToken: string; expiresAt: string | null; scopes: string[]; gitUsername: string };

/**
 * Hands a service a currently valid access token for the connection (refreshed first if
 * due). Each issue is audited (which API token, when; never the token) and counted
 * against the consumer's budget.
 */
export async function issueAccessToken(access: OrgAccess, id: string): Promise<IssuedAccessToken> {
  const connection = await serviceConnection(access, id);
  const grant = await getAccessTokenGrant(connection.id);
  await recordAuditEvent(db(), {
    organizationId: access.organization.id,
    actor: access.actor,
    action: "connection.token_issued",
    target: { type: "connection", id: connection.id },
    after: { apiTokenId: access.actor.type === "api_token" ? access.actor.tokenId : null, expiresAt: grant.expiresAt.toISOString() },
  });
  if (connection.clientId) await countConsumerUse({ hostUrl: connection.hostUrl, clientId: connection.clientId }, "token_issued");
  return { accessToken: grant.accessToken, expiresAt: grant.expiresAt.toISOString(), scopes: grant.scopes, gitUsername: BITBUCKET_GIT_USERNAME };
}
