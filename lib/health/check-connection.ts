import "server-only";
import { grantedStatus } from "@/lib/connections/status";
import { changeStatus, SYSTEM } from "@/lib/connections/status/change-status";
import { recordTransientFailure } from "@/lib/connections/record-failure";
import { withAccessToken } from "@/lib/connections/with-access-token";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import type { ErrorCode } from "@/lib/errors/codes";
import { withCallContext } from "@/lib/http/call-context";
import { isTransient } from "@/lib/http/retry";
import { expandScopes, missingScopes, parseScopeList } from "@/lib/vcs/bitbucket-cloud/scopes";
import { nextCheck, REFRESH_TOKEN_IDLE_LIMIT_MS } from "./check-schedule";

export type CheckResult = { ok: boolean; latencyMs: number; errorCode: ErrorCode | null };

/**
 * One health check, one Bitbucket call: the cheapest call the credential's kind has (for
 * OAuth with a still-valid access token, `/2.0/user` when the grant has Account: Read;
 * otherwise a token refresh, which Bitbucket refuses for a revoked grant just as it would
 * refuse the call; for access tokens their own repository or workspace; for API tokens
 * `/2.0/user`). Records the result, moves the status when the truth changed, and
 * schedules the next check (see check-schedule.ts). `deadlineMs` bounds the whole check,
 * retries included.
 */
export async function checkConnection(connectionId: string, options: { deadlineMs?: number } = {}): Promise<CheckResult> {
  const connection = await db().vcsConnection.findUniqueOrThrow({
    where: { id: connectionId },
    include: { grant: true, organization: { select: { healthCheckIntervalSeconds: true } } },
  });
  const granted = parseScopeList(connection.grant?.grantedScopes);
  const schedule = (ok: boolean) =>
    nextCheck({ ok, previousBackoffSeconds: connection.checkBackoffSeconds, organizationIntervalSeconds: connection.organization.healthCheckIntervalSeconds });
  const started = Date.now();
  const deadline = options.deadlineMs === undefined ? undefined : started + options.deadlineMs;
  try {
    await withCallContext({ deadline }, () => probe(connection.id, connection.apiUrl, connection.grant, expandScopes(granted).has("account")));
  } catch (error) {
    const latencyMs = Date.now() - started;
    const code: ErrorCode = isAppError(error) ? error.code : "bitbucket_unexpected_response";
    if (isTransient(error)) {
      await recordTransientFailure(connection, code, latencyMs, schedule(false));
    } else {
      await db().$transaction(async (tx) => {
        await tx.healthEvent.create({ data: { connectionId, kind: "check", ok: false, latencyMs, errorCode: code } });
        await tx.vcsConnection.update({ where: { id: connectionId }, data: { lastCheckedAt: new Date(), ...schedule(false) } });
        // A token Bitbucket rejects even after a refresh is as good as revoked.
        const current = await tx.vcsConnection.findUniqueOrThrow({ where: { id: connectionId } });
        if (code === "bitbucket_token_rejected") await changeStatus(tx, current, "needs_reauthorization", { reason: "grant_revoked", actor: SYSTEM });
      });
    }
    return { ok: false, latencyMs, errorCode: code };
  }

  const latencyMs = Date.now() - started;
  await db().$transaction(async (tx) => {
    const now = new Date();
    await tx.healthEvent.create({ data: { connectionId, kind: "check", ok: true, latencyMs } });
    const current = await tx.vcsConnection.update({
      where: { id: connectionId },
      data: { lastCheckedAt: now, lastSuccessAt: now, consecutiveFailures: 0, ...schedule(connection.consecutiveFailures === 0) },
    });
    if (current.status === "error") {
      const healthy = grantedStatus(missingScopes(parseScopeList(current.requiredScopes), granted).length);
      await changeStatus(tx, current, healthy, { actor: SYSTEM });
    }
  });
  return { ok: true, latencyMs, errorCode: null };
}

type GrantTimes = { expiresAt: Date; refreshedAt: Date | null; createdAt: Date } | null;

async function probe(connectionId: string, apiUrl: string, grant: GrantTimes, canReadUser: boolean) {
  const now = Date.now();
  const tokenValid = grant !== null && grant.expiresAt.getTime() - now > env().TOKEN_REFRESH_MARGIN_SECONDS * 1000;
  const refreshTokenAging = grant !== null && now - (grant.refreshedAt ?? grant.createdAt).getTime() > REFRESH_TOKEN_IDLE_LIMIT_MS;
  await withAccessToken(connectionId, async (credential) => {
    if (credential.type !== "oauth_consumer") return credential.check(apiUrl);
    // An expired token was just refreshed to get here: that refresh was the check.
    if (!tokenValid) return;
    if (canReadUser && !refreshTokenAging) await credential.check(apiUrl);
    else await credential.refresh();
  });
}
