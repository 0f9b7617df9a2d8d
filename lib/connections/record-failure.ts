import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ErrorCode } from "@/lib/errors/codes";
import { changeStatus, SYSTEM } from "./change-status";

type Subject = { id: string; organizationId: string; status: string; consecutiveFailures: number };

/**
 * A transient failure (network, timeout, 429, 5xx) of a check or refresh. One blip changes
 * nothing visible; past HEALTH_FAILURE_THRESHOLD in a row, the connection shows `error`.
 */
export async function recordTransientFailure(connection: Subject, kind: "check" | "refresh", code: ErrorCode, latencyMs: number) {
  await db().$transaction(async (tx) => {
    const { consecutiveFailures } = await tx.vcsConnection.update({
      where: { id: connection.id },
      data: { consecutiveFailures: { increment: 1 }, lastCheckedAt: new Date() },
    });
    await tx.healthEvent.create({ data: { connectionId: connection.id, kind, ok: false, latencyMs, errorCode: code } });
    const working = connection.status === "connected" || connection.status === "missing_permissions";
    if (working && consecutiveFailures >= env().HEALTH_FAILURE_THRESHOLD) {
      await changeStatus(tx, connection, "error", code, SYSTEM);
    }
  });
}
