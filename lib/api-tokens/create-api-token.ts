import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { normalizeApiScopes, type ApiScope } from "@/lib/access/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { randomToken, sha256 } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { API_TOKEN_PREFIX, createApiTokenInput, VISIBLE_PREFIX_LENGTH, type CreateApiTokenInput } from "./schemas";

export type CreatedApiToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  scopes: ApiScope[];
  connectionIds: string[] | null;
  token: string;
};

const DAY_MS = 86_400_000;

/**
 * Creates a personal token for the caller in this organization. Any member may: the
 * token acts with its creator's role at the time of each request, narrowed to the
 * scopes (and connections) chosen here, so it never grants more than the person has.
 * It expires after 90 days unless another term, or "never", is chosen. The plain value
 * is returned here once and never stored; the database keeps its SHA-256 (256 random
 * bits need no slow hash) and a short prefix.
 */
export async function createApiToken(access: OrgAccess, rawInput: CreateApiTokenInput): Promise<CreatedApiToken> {
  const parsed = createApiTokenInput.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("invalid_input", { field: issue?.path.join(".") || undefined, detail: issue?.message });
  }
  const input = parsed.data;
  const scopes = normalizeApiScopes(input.scopes);
  const connectionIds = input.connectionIds ? [...new Set(input.connectionIds)] : null;
  if (connectionIds) {
    const found = await db().vcsConnection.count({ where: { id: { in: connectionIds }, organizationId: access.organization.id } });
    if (found !== connectionIds.length) throw new AppError("invalid_input", { field: "connectionIds", detail: "a chosen connection is not in this organization" });
  }
  const expiresAt = input.expiresInDays === "never" ? null : new Date(Date.now() + input.expiresInDays * DAY_MS);

  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const prefix = token.slice(0, VISIBLE_PREFIX_LENGTH);
  const record = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        tokenHash: sha256(token),
        prefix,
        userId: access.actor.userId,
        organizationId: access.organization.id,
        expiresAt,
        scopes: scopes.join(" "),
        connectionIds: connectionIds?.join(" ") ?? null,
      },
      select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true },
    });
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "api_token.created",
      target: { type: "api_token", id: created.id },
      after: { name: input.name, prefix, scopes, connectionIds, expiresAt: expiresAt?.toISOString() ?? "never" },
    });
    return created;
  });
  return { ...record, scopes, connectionIds, token };
}
