import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ErrorCode } from "@/lib/errors/codes";
import { isWorking } from "./status";
import { changeStatus, SYSTEM } from "./status/change-status";

type Subject = { id: string };

/**
 * A health check that failed transiently (network, timeout, 429, 5xx). One blip changes
 * nothing visible; past HEALTH_FAILURE_THRESHOLD in a row, the connection shows `error`.
 */
export async function recordTransientFailure(connection: Subject, code: ErrorCode, latencyMs: number, schedule: { nextCheckAt: Date; checkBackoffSeconds: number | null }) {
  await db().$transaction(async (tx) => {
    // The status as it is now: an admin may have disconnected or reconnected during a slow check.
    const current = await tx.vcsConnection.update({
      where: { id: connection.id },
      data: { consecutiveFailures: { increment: 1 }, lastCheckedAt: new Date(), ...schedule },
    });
    await tx.healthEvent.create({ data: { connectionId: connection.id, kind: "check", ok: false, latencyMs, errorCode: code } });
    if (isWorking(current.status) && current.consecutiveFailures >= env().HEALTH_FAILURE_THRESHOLD) {
      await changeStatus(tx, current, "error", { reason: code, actor: SYSTEM });
    }
  });
}
