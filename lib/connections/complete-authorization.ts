import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { resolveUserAccess, requireRole } from "@/lib/access/resolve-access";
import { sealSecret } from "@/lib/crypto/keyring";
import { sha256 } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { ErrorCode } from "@/lib/errors/codes";
import { log } from "@/lib/log";
import { asConsumer } from "@/lib/connections/consumer-usage";
import { exchangeCode, TokenEndpointError, type TokenSet } from "@/lib/vcs/bitbucket-cloud/oauth";
import { tokenEndpointFailure } from "@/lib/vcs/bitbucket-cloud/token-errors";
import { missingScopes, normalizeScopes, parseScopeList } from "@/lib/vcs/bitbucket-cloud/scopes";
import { getCurrentUser } from "@/lib/vcs/bitbucket-cloud/user";
import { connectionUrls } from "./connection-view";
import { consumerCredentials, sealContext } from "./load-connection";
import { grantedStatus, hasGrant, parseStatus } from "./status";
import { changeStatus } from "./status/change-status";
import { oauthRefreshTokenEnd } from "@/lib/vcs/bitbucket-cloud/token-setup";

export type CallbackParams = { state?: string | null; code?: string | null; error?: string | null };
export type Caller = { userId: string; label: string; sessionToken: string | null };

/**
 * Consumes the state atomically: it must exist, be unused and unexpired, and belong to
 * this connection, this user and this browser session. Anything else stores nothing.
 */
async function consumeState(connectionId: string, state: string | null | undefined, caller: Caller) {
  if (!state || !caller.sessionToken) throw new AppError("state_invalid");
  const now = new Date();
  const { count } = await db().authorizationRequest.updateMany({
    where: {
      stateHash: sha256(state),
      connectionId,
      userId: caller.userId,
      sessionHash: sha256(caller.sessionToken),
      consumedAt: null,
      expiresAt: { gt: now },
    },
    data: { consumedAt: now },
  });
  if (count !== 1) throw new AppError("state_invalid");
}

async function loadForCallback(connectionId: string, caller: Caller) {
  const connection = await db().vcsConnection.findUnique({
    where: { id: connectionId },
    include: { grant: true, organization: { select: { id: true, slug: true, name: true } } },
    omit: { clientSecretSealed: false },
  });
  if (!connection?.clientId || !connection.clientSecretSealed) throw new AppError("state_invalid");
  // The admin may have lost the role (or the membership) since pressing Connect.
  let access: OrgAccess;
  try {
    access = await resolveUserAccess({ id: caller.userId, name: caller.label, email: null }, connection.organization.slug);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") throw new AppError("forbidden");
    throw error;
  }
  requireRole(access, "admin");
  return { connection, access };
}

/** The Bitbucket account behind the grant; unknown when the consumer lacks Account: Read. */
async function readAccount(apiUrl: string, accessToken: string) {
  try {
    return await getCurrentUser(apiUrl, accessToken);
  } catch (error) {
    if (isAppError(error) && error.code === "bitbucket_missing_scope") return null;
    throw error;
  }
}

type CallbackConnection = Awaited<ReturnType<typeof loadForCallback>>["connection"];

function tokenFailure(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof TokenEndpointError) return tokenEndpointFailure(error, "authorization_code");
  throw error;
}

/** A failed attempt is recorded; an existing working grant is kept (a cancelled reconnect breaks nothing). */
async function recordAuthorizationFailure(connection: CallbackConnection, access: OrgAccess, code: ErrorCode) {
  const keepStatus = connection.grant && hasGrant(connection.status);
  const status = keepStatus ? parseStatus(connection.status) : "error";
  log().warn({ connectionId: connection.id, code, status }, "connection authorization failed");
  await db().$transaction((tx) =>
    changeStatus(tx, connection, status, {
      actor: access.actor,
      reason: code,
      audit: { action: "connection.authorization_failed", before: { status: connection.status }, after: { status, error: code } },
    }),
  );
}

type AccountCheck = { account: Awaited<ReturnType<typeof readAccount>>; latencyMs: number };

async function storeGrant(connection: CallbackConnection, access: OrgAccess, tokens: TokenSet, { account, latencyMs }: AccountCheck) {
  const granted = normalizeScopes(tokens.scopes);
  const missing = missingScopes(parseScopeList(connection.requiredScopes), granted);
  const status = grantedStatus(missing.length);
  const grant = {
    accessTokenSealed: sealSecret(tokens.accessToken, sealContext.accessToken(connection.id)),
    refreshTokenSealed: tokens.refreshToken ? sealSecret(tokens.refreshToken, sealContext.refreshToken(connection.id)) : null,
    expiresAt: tokens.expiresAt,
    grantedScopes: granted.join(" "),
    accountUuid: account?.uuid ?? null,
    accountName: account?.display_name ?? null,
    accountNickname: account?.nickname ?? account?.username ?? null,
    accountAvatarUrl: account?.links?.avatar?.href ?? null,
    refreshedAt: null,
  };
  await db().$transaction(async (tx) => {
    // Only while the connection still has the host, API URL and key the exchange used: a
    // change saved meanwhile (tokens for another host) rolls the whole write back. The
    // condition and the row lock are one statement, which also records the account read
    // as the connection's first health check: Bitbucket just accepted the new token.
    const now = new Date();
    const { count } = await tx.vcsConnection.updateMany({
      where: { id: connection.id, hostUrl: connection.hostUrl, apiUrl: connection.apiUrl, clientId: connection.clientId },
      data: { lastCheckedAt: now, lastSuccessAt: now, consecutiveFailures: 0 },
    });
    if (count !== 1) throw new AppError("connection_changed");
    await tx.healthEvent.create({ data: { connectionId: connection.id, kind: "check", ok: true, latencyMs, createdAt: now } });
    await tx.vcsGrant.upsert({ where: { connectionId: connection.id }, create: { connectionId: connection.id, ...grant }, update: grant });
    await changeStatus(tx, connection, status, {
      actor: access.actor,
      // Without a refresh token the grant ends with its access token.
      data: { credentialExpiresAt: tokens.refreshToken ? oauthRefreshTokenEnd(new Date()) : tokens.expiresAt },
      audit: {
        action: "connection.authorized",
        before: { status: connection.status },
        after: { status, account: grant.accountNickname ?? grant.accountUuid ?? "unknown", grantedScopes: granted, missingScopes: missing },
      },
    });
  });
  return { status, missingScopes: missing };
}

/**
 * Finishes Connect at /callback/v1/vcs/{id}: checks state, exchanges the code at the
 * connection's own token endpoint, reads the Bitbucket account (recorded as a passed
 * health check), compares granted and required scopes, and stores the sealed grant. Returns where the admin should land.
 */
export async function completeAuthorization(connectionId: string, params: CallbackParams, caller: Caller) {
  await consumeState(connectionId, params.state, caller);
  const { connection, access } = await loadForCallback(connectionId, caller);
  const fail = async (code: ErrorCode, cause?: unknown): Promise<never> => {
    await recordAuthorizationFailure(connection, access, code);
    throw new AppError(code, { cause });
  };

  if (params.error) await fail(params.error === "access_denied" ? "consent_cancelled" : "authorization_failed");
  if (!params.code) await fail("authorization_failed");

  const consumer = consumerCredentials(connection);
  const { callbackUrl } = connectionUrls(connection.organization.slug, connection.id);
  let tokens: TokenSet;
  let check: AccountCheck;
  try {
    ({ tokens, check } = await asConsumer(consumer, async () => {
      const exchanged = await exchangeCode(consumer, params.code!, callbackUrl);
      const started = Date.now();
      const account = await readAccount(connection.apiUrl, exchanged.accessToken);
      return { tokens: exchanged, check: { account, latencyMs: Date.now() - started } };
    }));
  } catch (error) {
    const failure = tokenFailure(error);
    return fail(failure.code, error);
  }
  const outcome = await storeGrant(connection, access, tokens, check);
  log().info({ connectionId: connection.id, status: outcome.status, missingScopes: outcome.missingScopes, expiresAt: tokens.expiresAt }, "connection authorized");
  return { orgSlug: connection.organization.slug, connectionId: connection.id, ...outcome };
}

/**
 * Where the callback sends the admin: the connection's page with `?result=`, or null
 * when the connection no longer exists.
 */
export async function connectionResultPath(connectionId: string, result: string): Promise<string | null> {
  const connection = await db().vcsConnection.findUnique({ where: { id: connectionId }, select: { organization: { select: { slug: true } } } });
  return connection ? `/orgs/${connection.organization.slug}/connections/${connectionId}?result=${result}` : null;
}
