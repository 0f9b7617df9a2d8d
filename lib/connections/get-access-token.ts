import "server-only";
import { openSecret, sealSecret } from "@/lib/crypto/keyring";
import { randomToken } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { isTransient, withRetries } from "@/lib/http/retry";
import { log } from "@/lib/log";
import { refreshTokens, TokenEndpointError, type TokenSet } from "@/lib/vcs/bitbucket-cloud/oauth";
import { metrics } from "@/lib/metrics/registry";
import { asConsumer } from "@/lib/connections/consumer-usage";
import { normalizeScopes, parseScopeList } from "@/lib/vcs/bitbucket-cloud/scopes";
import { tokenEndpointFailure } from "@/lib/vcs/bitbucket-cloud/token-errors";
import { oauthRefreshTokenEnd } from "@/lib/vcs/bitbucket-cloud/token-setup";
import { changeStatus, SYSTEM } from "./status/change-status";
import { needsReauthorization } from "./status";
import { consumerCredentials, sealContext } from "./load-connection";

// A refresh claim outlives the slowest refresh (retries included) and then lapses, so a
// crashed process cannot block a connection for long.
const CLAIM_MS = 60_000;
const WAIT_STEP_MS = 100;

const inFlight = new Map<string, Promise<string>>();

async function readGrant(connectionId: string) {
  const connection = await db().vcsConnection.findUnique({
    where: { id: connectionId },
    include: { grant: { omit: { accessTokenSealed: false, refreshTokenSealed: false } } },
    omit: { clientSecretSealed: false },
  });
  if (!connection) throw new AppError("not_found", { detail: "connection" });
  if (!connection.grant || needsReauthorization(connection.status)) throw new AppError("needs_reauthorization");
  return { connection, grant: connection.grant };
}

type Snapshot = Awaited<ReturnType<typeof readGrant>>;

const accessTokenOf = (s: Snapshot) => openSecret(s.grant.accessTokenSealed, sealContext.accessToken(s.connection.id));
const isFresh = (s: Snapshot) => s.grant.expiresAt.getTime() - Date.now() > env().TOKEN_REFRESH_MARGIN_SECONDS * 1000;

/**
 * Every use of a connection goes through here for a valid access token. It refreshes
 * ahead of expiry, once per connection at a time: concurrent callers in this process
 * share one refresh, and callers in other processes see the claim on the grant row and
 * wait for the winner's token. Pass `rejected` after a 401 to force a refresh, unless
 * someone already replaced that token.
 */
export async function getAccessToken(connectionId: string, options: { rejected?: string } = {}): Promise<string> {
  const snapshot = await readGrant(connectionId);
  const current = accessTokenOf(snapshot);
  // An access token is a bearer token nobody refreshes; an API token only works with its email (getCredential has both).
  if (snapshot.connection.credentialType === "access_token") return current;
  if (snapshot.connection.credentialType === "api_token") {
    throw new AppError("credential_type_mismatch", { detail: "an API token is sent with its email over HTTP Basic, not as a bearer token" });
  }
  if (isFresh(snapshot) && current !== options.rejected) return current;

  let pending = inFlight.get(connectionId);
  if (!pending) {
    pending = refreshOrWait(snapshot).finally(() => inFlight.delete(connectionId));
    inFlight.set(connectionId, pending);
  }
  return pending;
}

/**
 * The current access token with its expiry and granted scopes, for handing to another
 * service: refreshed first if due, through the same single-flight path.
 */
export async function getAccessTokenGrant(connectionId: string): Promise<{ accessToken: string; expiresAt: Date; scopes: string[] }> {
  await getAccessToken(connectionId);
  // Read back what is stored: the token just returned, or one a concurrent refresh saved since.
  const snapshot = await readGrant(connectionId);
  return { accessToken: accessTokenOf(snapshot), expiresAt: snapshot.grant.expiresAt, scopes: parseScopeList(snapshot.grant.grantedScopes) };
}

async function refreshOrWait(snapshot: Snapshot): Promise<string> {
  const { connection, grant } = snapshot;
  const holder = randomToken(9);
  const now = new Date();
  // The claim also requires the refresh token we read to still be current: if another
  // process already rotated it, we must not spend the old one.
  const claim = await db().vcsGrant.updateMany({
    where: { connectionId: connection.id, refreshTokenSealed: grant.refreshTokenSealed, OR: [{ refreshUntil: null }, { refreshUntil: { lt: now } }] },
    data: { refreshHolder: holder, refreshUntil: new Date(now.getTime() + CLAIM_MS) },
  });
  return claim.count === 1 ? refreshAsHolder(snapshot, holder) : waitForRefresh(snapshot);
}

async function waitForRefresh(before: Snapshot): Promise<string> {
  const deadline = Date.now() + CLAIM_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    const now = await readGrant(before.connection.id);
    if (now.grant.refreshTokenSealed !== before.grant.refreshTokenSealed || now.grant.accessTokenSealed !== before.grant.accessTokenSealed) {
      return accessTokenOf(now);
    }
    const claimLapsed = !now.grant.refreshUntil || now.grant.refreshUntil.getTime() < Date.now();
    if (claimLapsed) return refreshOrWait(now);
  }
  throw new AppError("host_timeout", { detail: "waiting for another process's token refresh" });
}

async function refreshAsHolder(snapshot: Snapshot, holder: string): Promise<string> {
  const { connection, grant } = snapshot;
  const release = { refreshHolder: null, refreshUntil: null };
  if (!grant.refreshTokenSealed) {
    await db().vcsGrant.update({ where: { connectionId: connection.id }, data: release });
    throw await markNeedsReauthorization(snapshot, "grant_revoked");
  }
  const consumer = consumerCredentials(connection);
  const started = Date.now();
  let tokens: TokenSet;
  try {
    const refreshToken = openSecret(grant.refreshTokenSealed!, sealContext.refreshToken(connection.id));
    tokens = await asConsumer(consumer, () => withRetries(() => refreshTokens(consumer, refreshToken)));
  } catch (error) {
    await db().vcsGrant.update({ where: { connectionId: connection.id }, data: release });
    metrics().tokenRefreshes.inc({ result: isTransient(error) ? "transient_failure" : "refused" });
    if (isTransient(error)) {
      // Recorded in the history; whether the status changes is the health check's call, so
      // one failed check that failed because its refresh did counts once.
      await db().healthEvent.create({ data: { connectionId: connection.id, kind: "refresh", ok: false, latencyMs: Date.now() - started, errorCode: (error as AppError).code } });
      throw error;
    }
    const failure = error instanceof TokenEndpointError ? tokenEndpointFailure(error, "refresh_token") : null;
    if (failure?.code === "grant_revoked" || failure?.code === "consumer_secret_wrong") throw await markNeedsReauthorization(snapshot, failure.code);
    throw failure ?? (isAppError(error) ? error : new AppError("bitbucket_unexpected_response", { cause: error }));
  }

  await db().$transaction(async (tx) => {
    // The rotated refresh token and the new access token land together, or not at all.
    const saved = await tx.vcsGrant.updateMany({
      where: { connectionId: connection.id, refreshHolder: holder },
      data: {
        accessTokenSealed: sealSecret(tokens.accessToken, sealContext.accessToken(connection.id)),
        refreshTokenSealed: tokens.refreshToken ? sealSecret(tokens.refreshToken, sealContext.refreshToken(connection.id)) : grant.refreshTokenSealed,
        expiresAt: tokens.expiresAt,
        ...(tokens.scopes.length > 0 ? { grantedScopes: normalizeScopes(tokens.scopes).join(" ") } : {}),
        refreshedAt: new Date(),
        ...release,
      },
    });
    if (saved.count !== 1) throw new AppError("host_timeout", { detail: "the refresh claim lapsed before the new token was saved" });
    // A used refresh token is replaced by a new one, whose 3 idle months start now.
    await tx.vcsConnection.update({ where: { id: connection.id }, data: { consecutiveFailures: 0, credentialExpiresAt: oauthRefreshTokenEnd(new Date()) } });
    await tx.healthEvent.create({ data: { connectionId: connection.id, kind: "refresh", ok: true, latencyMs: Date.now() - started } });
  });
  metrics().tokenRefreshes.inc({ result: "ok" });
  log().info({ connectionId: connection.id, expiresAt: tokens.expiresAt }, "access token refreshed");
  return tokens.accessToken;
}

/** A permanent refusal: stop refreshing, and tell the admin to reconnect. */
async function markNeedsReauthorization(snapshot: Snapshot, reason: "grant_revoked" | "consumer_secret_wrong"): Promise<AppError> {
  await db().$transaction((tx) => changeStatus(tx, snapshot.connection, "needs_reauthorization", { reason, actor: SYSTEM }));
  log().warn({ connectionId: snapshot.connection.id, reason }, "connection needs reauthorization");
  return new AppError(reason);
}
