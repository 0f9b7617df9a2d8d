import "server-only";
import { grantedStatus } from "@/lib/connections/status";
import { changeStatus, SYSTEM } from "@/lib/connections/status/change-status";
import { recordTransientFailure } from "@/lib/connections/record-failure";
import { withAccessToken } from "@/lib/connections/with-access-token";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import type { ErrorCode } from "@/lib/errors/codes";
import { isTransient } from "@/lib/http/retry";
import { missingScopes, parseScopeList } from "@/lib/vcs/bitbucket-cloud/scopes";

export type CheckResult = { ok: boolean; latencyMs: number; errorCode: ErrorCode | null };

/**
 * One health check: a valid credential (an OAuth token refreshed if near expiry) and the
 * cheapest call its kind has (/2.0/user for OAuth with Account: Read and API tokens, the
 * token's own repository or workspace for access tokens). Records the result and moves the status when the
 * truth changed: recovered, failing past the threshold, or no longer authorized.
 */
export async function checkConnection(connectionId: string): Promise<CheckResult> {
  const connection = await db().vcsConnection.findUniqueOrThrow({ where: { id: connectionId }, include: { grant: true } });
  const granted = parseScopeList(connection.grant?.grantedScopes);
  const started = Date.now();
  try {
    await withAccessToken(connectionId, (credential) => credential.check(connection.apiUrl));
  } catch (error) {
    const latencyMs = Date.now() - started;
    const code: ErrorCode = isAppError(error) ? error.code : "bitbucket_unexpected_response";
    if (isTransient(error)) {
      await recordTransientFailure(connection, code, latencyMs);
    } else {
      await db().$transaction(async (tx) => {
        await tx.healthEvent.create({ data: { connectionId, kind: "check", ok: false, latencyMs, errorCode: code } });
        await tx.vcsConnection.update({ where: { id: connectionId }, data: { lastCheckedAt: new Date() } });
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
      data: { lastCheckedAt: now, lastSuccessAt: now, consecutiveFailures: 0 },
    });
    if (current.status === "error") {
      const healthy = grantedStatus(missingScopes(parseScopeList(current.requiredScopes), granted).length);
      await changeStatus(tx, current, healthy, { actor: SYSTEM });
    }
  });
  return { ok: true, latencyMs, errorCode: null };
}
