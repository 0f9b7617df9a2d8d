// Bitbucket's paging envelope with absolute next/previous links that keep the rest of the query.
import type { Ctx } from "../context.js";
import { json, type Reply } from "../http.js";
import { apiError } from "./errors.js";

export const DEFAULT_PAGELEN = 10;
export const MAX_PAGELEN = 100;

export interface Paging {
  page: number;
  pagelen: number;
}

function positiveInt(v: string): number | null {
  return /^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : null;
}

export function parsePaging(ctx: Ctx): Paging | Reply {
  const q = ctx.url.searchParams;
  const rawLen = q.get("pagelen");
  const rawPage = q.get("page");
  const pagelen = rawLen === null ? DEFAULT_PAGELEN : positiveInt(rawLen);
  if (pagelen === null || pagelen > MAX_PAGELEN) {
    return apiError(400, "Invalid pagelen", `pagelen must be an integer between 1 and ${MAX_PAGELEN}; got ${JSON.stringify(rawLen)}.`);
  }
  const page = rawPage === null ? 1 : positiveInt(rawPage);
  if (page === null) return apiError(400, "Invalid page", `page must be a positive integer; got ${JSON.stringify(rawPage)}.`);
  return { page, pagelen };
}

function pageUrl(ctx: Ctx, page: number): string {
  const url = new URL(`${ctx.core.publicUrl}${ctx.url.pathname}${ctx.url.search}`);
  url.searchParams.set("page", String(page));
  return url.toString();
}

export function pageReply<T>(ctx: Ctx, items: readonly T[], paging: Paging, render: (item: T) => unknown): Reply {
  const { page, pagelen } = paging;
  const last = Math.max(1, Math.ceil(items.length / pagelen));
  if (page > last) return apiError(404, "Invalid page", `There are ${last} page(s) at pagelen ${pagelen}.`);
  const values = items.slice((page - 1) * pagelen, page * pagelen).map(render);
  const body: Record<string, unknown> = { size: items.length, page, pagelen };
  if (page < last) body.next = pageUrl(ctx, page + 1);
  if (page > 1) body.previous = pageUrl(ctx, page - 1);
  body.values = values;
  return json(200, body);
}
