import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requirePermission } from "@/lib/access/permissions";
import { AppError } from "@/lib/errors/app-error";
import { missingScopes, parseScopeList, scopeLabel } from "@/lib/vcs/bitbucket-cloud/scopes";
import { loadConnection } from "./load-connection";
import { needsReauthorization, parseStatus, STATUS_WORDS } from "./status";

/**
 * A connection another service may use now, for a caller allowed to use it; otherwise
 * the reason and the fix: reconnect, grant the missing permissions, or connect first.
 */
export async function serviceConnection(access: OrgAccess, id: string) {
  requirePermission(access, "connections.use");
  const connection = await loadConnection(access, id);
  const status = parseStatus(connection.status);
  if (needsReauthorization(status)) throw new AppError("needs_reauthorization");
  if (!connection.grant || !connection.clientId) throw new AppError("connection_not_connected", { detail: STATUS_WORDS[status].label });
  if (status === "missing_permissions") {
    const missing = missingScopes(parseScopeList(connection.requiredScopes), parseScopeList(connection.grant.grantedScopes));
    throw new AppError("connection_missing_permissions", { detail: missing.map(scopeLabel).join(", ") || "see the connection's page" });
  }
  return { ...connection, clientId: connection.clientId };
}
