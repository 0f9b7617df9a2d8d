import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { randomToken, sha256 } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { API_TOKEN_PREFIX, VISIBLE_PREFIX_LENGTH } from "./schemas";

export type CreatedApiToken = { id: string; name: string; prefix: string; createdAt: Date; token: string };

/**
 * Creates a personal token for the caller in this organization. Any member may: the
 * token acts with its creator's role at the time of each request, so it never grants
 * more than the person has. The plain value is returned here once and never stored;
 * the database keeps its SHA-256 (256 random bits need no slow hash) and a short prefix.
 */
export async function createApiToken(access: OrgAccess, name: string): Promise<CreatedApiToken> {
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const prefix = token.slice(0, VISIBLE_PREFIX_LENGTH);
  const record = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name, tokenHash: sha256(token), prefix, userId: access.actor.userId, organizationId: access.organization.id },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "api_token.created",
      target: { type: "api_token", id: created.id },
      after: { name, prefix },
    });
    return created;
  });
  return { ...record, token };
}
