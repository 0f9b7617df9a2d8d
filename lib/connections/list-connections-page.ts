import "server-only";
import { z } from "zod";
import type { OrgAccess } from "@/lib/access/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { toConnectionView } from "./connection-view";
import { CONNECTION_STATUSES, type ConnectionStatus } from "./status";

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 100;

/** The position after the last row of a page: creation time, then id (unique), so the order is total and stable. */
const cursorSchema = z.object({ t: z.number().int(), i: z.string().min(1).max(64) });
type Cursor = z.infer<typeof cursorSchema>;

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decodeCursor(value: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const isStatus = (value: string): value is ConnectionStatus => (CONNECTION_STATUSES as readonly string[]).includes(value);

export const listQuerySchema = z.object({
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${PAGE_LIMIT_MAX}` })
    .int(`limit must be a whole number from 1 to ${PAGE_LIMIT_MAX}`)
    .min(1, `limit must be at least 1`)
    .max(PAGE_LIMIT_MAX, `limit is at most ${PAGE_LIMIT_MAX}`)
    .default(PAGE_LIMIT_DEFAULT),
  cursor: z
    .string()
    .max(200)
    .refine((value) => decodeCursor(value) !== null, "cursor is not one this API returned; start again without it")
    .optional(),
  status: z
    .string()
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
    .refine((values) => values.length > 0 && values.every(isStatus), `status must be one or more of ${CONNECTION_STATUSES.join(", ")}, comma-separated`)
    .transform((values) => values.filter(isStatus))
    .optional(),
});
export type ListQuery = z.output<typeof listQuerySchema>;

/**
 * One page of the organization's connections, oldest first (ties broken by id), with an
 * opaque cursor to the next page. A connection created while paging appears on a later
 * page; none is skipped or repeated.
 */
export async function listConnectionsPage(access: OrgAccess, query: ListQuery) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.VcsConnectionWhereInput = { organizationId: access.organization.id };
  // A token limited to named connections lists only those.
  if (access.limits?.connectionIds) where.id = { in: access.limits.connectionIds };
  if (query.status) where.status = { in: query.status };
  if (after) {
    const at = new Date(after.t);
    where.OR = [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: after.i } }];
  }
  const rows = await db().vcsConnection.findMany({
    where,
    include: { grant: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next = rows.length > query.limit && last ? encodeCursor({ t: last.createdAt.getTime(), i: last.id }) : null;
  // Every row is of the caller's organization: its slug is known, not read again per row.
  const organization = { slug: access.organization.slug };
  return { data: page.map((row) => toConnectionView({ ...row, organization })), next };
}
