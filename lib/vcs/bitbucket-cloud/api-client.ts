import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { outboundFetch } from "@/lib/http/outbound";
import { parseRetryAfter } from "@/lib/http/retry";
import type { VcsCredential } from "@/lib/vcs/credential";
import { isBitbucketScope, scopeLabel } from "./scopes";
import { pageOf } from "./schemas";

/**
 * How a request authenticates: a connection's credential (lib/vcs/credential.ts), or a bare
 * OAuth access token (sign-in reads the profile with one).
 */
export type ApiAuth = string | Pick<VcsCredential, "authorization">;

const authorizationOf = (auth: ApiAuth) => (typeof auth === "string" ? `Bearer ${auth}` : auth.authorization());

const errorBody = z.object({
  error: z.object({ message: z.string().optional(), detail: z.union([z.string(), z.object({ required: z.array(z.string()).optional() }).loose()]).optional() }).loose(),
}).loose();

/** Maps a failed Bitbucket response to an AppError; a 403 names the checkboxes the consumer lacks. */
async function failureFor(response: Response, url: string): Promise<AppError> {
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    return new AppError("bitbucket_unavailable", { detail: `HTTP ${response.status}`, retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) });
  }
  const body = errorBody.safeParse(await response.json().catch(() => null));
  const error = body.success ? body.data.error : undefined;
  if (response.status === 401) return new AppError("bitbucket_token_rejected");
  if (response.status === 403) {
    const required = typeof error?.detail === "object" ? (error.detail.required ?? []) : [];
    // API tokens are refused with Atlassian's scope names (read:webhook:bitbucket), shown as they are.
    const needs = required.map((scope) => (isBitbucketScope(scope) ? scopeLabel(scope) : scope));
    // Without scope details, a 403 on a repository means the account lacks access, not the consumer.
    return needs.length > 0 ? new AppError("bitbucket_missing_scope", { detail: needs.join(", ") }) : new AppError("bitbucket_forbidden", { detail: error?.message });
  }
  if (response.status === 404) return new AppError("bitbucket_not_found", { detail: new URL(url).pathname });
  if (response.status === 400) return new AppError("bitbucket_rejected_request", { detail: error?.message });
  return new AppError("bitbucket_unexpected_response", { detail: `HTTP ${response.status}` });
}

export type BitbucketMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * One request to a Bitbucket 2.0 API URL with a credential, through the one outbound
 * fetch (timeout, no redirects followed, address policy). The raw answer, for callers
 * that pass it on; the token goes in the header only, never in a URL or an error.
 */
export function bitbucketRequest(
  method: BitbucketMethod,
  url: string,
  auth: ApiAuth,
  options: { body?: string | Uint8Array; headers?: Record<string, string>; maxResponseBytes?: number } = {},
) {
  return outboundFetch(url, {
    method,
    headers: { accept: "application/json", ...options.headers, authorization: authorizationOf(auth) },
    body: options.body,
    maxResponseBytes: options.maxResponseBytes,
  });
}

/**
 * Calls a Bitbucket 2.0 API resource with a credential and validates the answer's
 * shape. Never puts the token in an error.
 */
export async function requestJson<T extends z.ZodType>(
  method: BitbucketMethod,
  url: string,
  auth: ApiAuth,
  options: { body?: unknown; schema?: T } = {},
): Promise<z.infer<T>> {
  const response = await bitbucketRequest(method, url, auth, {
    headers: options.body === undefined ? {} : { "content-type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) throw await failureFor(response as unknown as Response, url);
  if (!options.schema) {
    await response.body?.cancel();
    return undefined as z.infer<T>;
  }
  const parsed = options.schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new AppError("bitbucket_unexpected_response", { detail: new URL(url).pathname });
  return parsed.data;
}

/**
 * A workspace or repository slug as one URL path segment. `.`/`..` (or anything outside
 * Bitbucket's slug characters) would let URL normalisation point the token elsewhere.
 */
export function pathSegment(value: string, field: string): string {
  if (!/^[\w.-]+$/.test(value) || value === "." || value === "..") throw new AppError("invalid_input", { field, detail: `${field} is not a Bitbucket slug` });
  return value;
}

export function getJson<T extends z.ZodType>(url: string, auth: ApiAuth, schema: T): Promise<z.infer<T>> {
  return requestJson("GET", url, auth, { schema });
}

/**
 * Collects a paged list by following `next`, up to `maxPages`. A `next` on another
 * origin is refused: following it would send the token to a host nobody configured.
 */
export async function getAllPages<T extends z.ZodType>(
  firstUrl: string,
  auth: ApiAuth,
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
    const body: { values: z.infer<T>[]; next?: string } = await getJson(url, auth, pageOf(item));
    values.push(...body.values);
    url = body.next;
  }
  return values;
}
