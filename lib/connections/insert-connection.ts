import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { AppError } from "@/lib/errors/app-error";
import type { ConnectionStatus } from "./status";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];
type Row = Awaited<ReturnType<Transaction["vcsConnection"]["create"]>>;

export type NewConnection = {
  name: string;
  profile: string;
  scopes: string[];
  hostUrl: string;
  apiUrl: string;
  /** The status it is created in, from the status module (a later change goes through changeStatus). */
  status: ConnectionStatus;
  /** What the kind of credential adds to the row. */
  fields: Omit<Prisma.VcsConnectionUncheckedCreateInput, "organizationId" | "provider" | "name" | "hostUrl" | "apiUrl" | "profile" | "requiredScopes" | "status">;
  /** What the audit entry records beyond name, profile, scopes, URLs and status. */
  audit: Record<string, unknown>;
};

/** Before anything is verified with Bitbucket: a name already used in the organization is refused. */
export async function requireFreeName(access: OrgAccess, name: string): Promise<void> {
  const taken = await db().vcsConnection.count({ where: { organizationId: access.organization.id, name } });
  if (taken > 0) throw new AppError("name_taken", { field: "name" });
}

/**
 * Writes a new connection and its "created" audit entry in one transaction, then `finish`
 * (sealing what is bound to the new id, a grant) in the same one; a name taken meanwhile
 * is `name_taken` on the name field.
 */
export async function insertConnection(access: OrgAccess, connection: NewConnection, finish: (tx: Transaction, created: Row) => Promise<Row> = async (_tx, created) => created): Promise<Row> {
  const requiredScopes = connection.scopes.join(" ");
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.vcsConnection.create({
        data: {
          organizationId: access.organization.id,
          provider: "bitbucket_cloud",
          name: connection.name,
          hostUrl: connection.hostUrl,
          apiUrl: connection.apiUrl,
          profile: connection.profile,
          requiredScopes,
          status: connection.status,
          ...connection.fields,
        },
      });
      await recordAuditEvent(tx, {
        organizationId: access.organization.id,
        actor: access.actor,
        action: "connection.created",
        target: { type: "connection", id: created.id },
        after: { name: connection.name, profile: connection.profile, requiredScopes: connection.scopes, hostUrl: connection.hostUrl, apiUrl: connection.apiUrl, ...connection.audit, status: created.status },
      });
      return finish(tx, created);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("name_taken", { field: "name" });
    throw error;
  }
}
