import "server-only";
import { replaceToken } from "./replace-token";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { loadConnection } from "./load-connection";
import { saveCredentials } from "./save-credentials";
import type { UpdateInput } from "./schemas";
import { isDraft } from "./status";
import { changeStatus } from "./status/change-status";

export async function renameConnection(access: OrgAccess, id: string, name: string) {
  requireRole(access, "admin");
  const connection = await loadConnection(access, id);
  if (connection.name === name) return;
  try {
    await db().$transaction(async (tx) => {
      await tx.vcsConnection.update({ where: { id }, data: { name } });
      await recordAuditEvent(tx, {
        organizationId: access.organization.id,
        actor: access.actor,
        action: "connection.renamed",
        target: { type: "connection", id },
        before: { name: connection.name },
        after: { name },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("name_taken", { field: "name" });
    throw error;
  }
}

/** Deletes the tokens but keeps the configuration, so Reconnect needs no re-entry. */
export async function disconnectConnection(access: OrgAccess, id: string) {
  requireRole(access, "admin");
  const connection = await loadConnection(access, id);
  if (isDraft(connection.status)) throw new AppError("invalid_state_change", { detail: "a draft has nothing to disconnect" });
  await db().$transaction(async (tx) => {
    await tx.vcsGrant.deleteMany({ where: { connectionId: id } });
    await changeStatus(tx, connection, "disconnected", {
      actor: access.actor,
      audit: { action: "connection.disconnected", before: { status: connection.status }, after: { status: "disconnected", tokensDeleted: Boolean(connection.grant) } },
    });
  });
}

/** One entry point for edits from the page or the API: rename, and/or new credentials (always with the secret). */
export async function updateConnection(access: OrgAccess, id: string, input: UpdateInput) {
  if (input.name !== undefined) await renameConnection(access, id, input.name);
  if (input.clientSecret) {
    const current = await loadConnection(access, id);
    await saveCredentials(access, id, {
      clientId: input.clientId ?? current.clientId ?? "",
      clientSecret: input.clientSecret,
      hostUrl: input.hostUrl,
      apiUrl: input.apiUrl,
    });
  }
  // An access token's or API token's replacement, verified before the old one goes.
  if (input.token) await replaceToken(access, id, { token: input.token, email: input.email, expiresInDays: input.expiresInDays, expiresOn: input.expiresOn });
}
