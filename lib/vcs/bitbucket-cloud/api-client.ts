import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { outboundFetch } from "@/lib/http/outbound";
import { parseRetryAfter } from "@/lib/http/retry";
import { pageOf } from "./schemas";

/**
 * GET a Bitbucket 2.0 API resource with a bearer token and validate its shape.
 * Maps Bitbucket's failures to AppError codes; never puts the token in an error.
 */
export async function getJson<T extends z.ZodType>(url: string, accessToken: string, schema: T): Promise<z.infer<T>> {
  const response = await outboundFetch(url, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
  });
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    throw new AppError("bitbucket_unavailable", {
      detail: `HTTP ${response.status}`,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    });
  }
  if (response.status === 401) throw new AppError("bitbucket_token_rejected");
  if (response.status === 403) throw new AppError("bitbucket_missing_scope", { detail: new URL(url).pathname });
  if (!response.ok) throw new AppError("bitbucket_unexpected_response", { detail: `HTTP ${response.status}` });

  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new AppError("bitbucket_unexpected_response", { detail: new URL(url).pathname });
  return parsed.data;
}

/**
 * Collects a paged list by following `next`, up to `maxPages`. A `next` on another
 * origin is refused: following it would send the token to a host nobody configured.
 */
export async function getAllPages<T extends z.ZodType>(
  firstUrl: string,
  accessToken: string,
  item: T,
  maxPages: number,
): Promise<z.infer<T>[]> {
  const origin = new URL(firstUrl).origin;
  const values: z.infer<T>[] = [];
  let url: string | undefined = firstUrl;
  for (let page = 0; url && page < maxPages; page++) {
    if (new URL(url).origin !== origin) {
      throw new AppError("bitbucket_unexpected_response", { detail: "paging link points at another host" });
    }
    const body: { values: z.infer<T>[]; next?: string } = await getJson(url, accessToken, pageOf(item));
    values.push(...body.values);
    url = body.next;
  }
  return values;
}
