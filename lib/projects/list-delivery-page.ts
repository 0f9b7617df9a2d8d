import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { DeliverySummary } from "@/lib/webhooks/summarize";
import { getProject } from "./read-projects";

export const DELIVERY_PAGE_DEFAULT = 50;
export const DELIVERY_PAGE_MAX = 200;

type Position = { receivedAt: Date; id: string };

// The cursor is the last row's position, opaque to callers: newest first, ties broken by id.
const encodeCursor = (position: Position) => Buffer.from(`${position.receivedAt.toISOString()}|${position.id}`).toString("base64url");

function decodeCursor(cursor: string): Position {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const receivedAt = new Date(at ?? "");
  if (!id || Number.isNaN(receivedAt.getTime())) throw new AppError("invalid_input", { field: "cursor", detail: "the cursor is not one this API returned" });
  return { receivedAt, id };
}

/**
 * One page of a project's delivery log for the VCS API, newest first: summaries only,
 * and `next` (an opaque cursor) while older deliveries remain.
 */
export async function listDeliveryPage(access: OrgAccess, projectId: string, options: { limit?: number; cursor?: string } = {}) {
  await getProject(access, projectId);
  const limit = Math.min(Math.max(options.limit ?? DELIVERY_PAGE_DEFAULT, 1), DELIVERY_PAGE_MAX);
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const rows = await db().webhookDelivery.findMany({
    where: {
      projectId,
      ...(after ? { OR: [{ receivedAt: { lt: after.receivedAt } }, { receivedAt: after.receivedAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, requestUuid: true, eventKey: true, attempt: true, signatureOk: true, outcome: true, summary: true, receivedAt: true },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({ ...row, summary: JSON.parse(row.summary) as DeliverySummary, receivedAt: row.receivedAt.toISOString() })),
    next: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
