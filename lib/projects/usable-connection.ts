import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { loadConnection } from "@/lib/connections/load-connection";
import { needsReauthorization } from "@/lib/connections/status";
import { AppError } from "@/lib/errors/app-error";

/** A connection of the organization that can call Bitbucket now. */
export async function usableConnection(access: OrgAccess, connectionId: string) {
  const connection = await loadConnection(access, connectionId);
  if (needsReauthorization(connection.status)) throw new AppError("needs_reauthorization");
  if (!connection.grant) throw new AppError("invalid_state_change", { detail: "connect this connection first" });
  return connection;
}
