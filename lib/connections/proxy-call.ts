import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import { bitbucketRequest, type BitbucketMethod } from "@/lib/vcs/bitbucket-cloud/api-client";
import { readBodyCapped } from "@/lib/http/read-body";
import { asConsumer } from "@/lib/connections/consumer-usage";
import { getAccessToken } from "./get-access-token";
import { serviceConnection } from "./service-connection";

export const PROXY_METHODS = ["GET", "POST", "PUT", "DELETE"] as const satisfies readonly BitbucketMethod[];

// Only what describes the content travels; the caller's credentials and cookies never do.
const REQUEST_HEADERS = ["accept", "content-type", "if-match", "if-none-match", "if-modified-since"];
const RESPONSE_HEADERS = ["content-type", "content-disposition", "etag", "last-modified", "link", "location", "retry-after"];
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The Bitbucket URL for a proxied path: each segment must be a plain path segment (no
 * `.`/`..`, no empty segment, no slash or backslash hidden by encoding, nothing that looks
 * like a scheme), and the result must stay under the connection's API URL.
 */
export function proxyTarget(apiUrl: string, segments: readonly string[], search: string): string {
  const invalid = (detail: string) => new AppError("proxy_path_invalid", { field: "path", detail });
  if (segments.length === 0) throw invalid("the path is empty");
  for (const segment of segments) {
    if (segment === "" || segment === "." || segment === "..") throw invalid("empty, . or .. segment");
    if (/[/\\\u0000-\u001f\u007f]/.test(segment)) throw invalid("a segment holds a slash, backslash or control character");
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(segments[0]!)) throw invalid("absolute URLs are not proxied");
  const base = new URL(`${apiUrl.replace(/\/+$/, "")}/`);
  const target = new URL(`${segments.map(encodeURIComponent).join("/")}${search}`, base);
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) throw invalid("outside the API URL");
  return target.toString();
}

function pick(headers: { get(name: string): string | null }, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
}

/**
 * Forwards one request to the connection's Bitbucket API with a fresh token the caller
 * never sees. A 401 causes one refresh and one retry (Bitbucket refused the credential,
 * so nothing was done). Anything else, 429 and 5xx included, is answered as Bitbucket
 * answered, with its Retry-After: the caller knows whether its request may be repeated.
 * Redirects are passed on, not followed. Bodies are capped both ways.
 */
export async function proxyCall(access: OrgAccess, id: string, request: Request, segments: readonly string[]): Promise<Response> {
  const method = request.method.toUpperCase() as BitbucketMethod;
  if (!(PROXY_METHODS as readonly string[]).includes(method)) throw new AppError("invalid_input", { detail: `method ${method} is not proxied` });
  const connection = await serviceConnection(access, id);
  const url = proxyTarget(connection.apiUrl, segments, new URL(request.url).search);
  const body = method === "GET" ? undefined : await readBodyCapped(request, env().PROXY_MAX_REQUEST_BYTES, "proxy_body_too_large");
  const headers = pick(request.headers, REQUEST_HEADERS);

  const call = (accessToken: string) =>
    bitbucketRequest(method, url, accessToken, { body: body?.byteLength ? body : undefined, headers, maxResponseBytes: env().PROXY_MAX_RESPONSE_BYTES });
  const send = async (accessToken: string) => {
    try {
      // Each call Bitbucket answers counts against the consumer's hourly allowance.
      return connection.clientId ? await asConsumer({ hostUrl: connection.hostUrl, clientId: connection.clientId }, () => call(accessToken), "proxy") : await call(accessToken);
    } catch (error) {
      throw isAppError(error) && error.code === "response_too_large" ? new AppError("proxy_response_too_large", { cause: error }) : error;
    }
  };
  let accessToken = await getAccessToken(connection.id);
  let response = await send(accessToken);
  if (response.status === 401) {
    accessToken = await getAccessToken(connection.id, { rejected: accessToken });
    response = await send(accessToken);
    if (response.status === 401) {
      throw new AppError("bitbucket_token_rejected");
    }
  }

  // The outbound fetch has read the answer whole, within the cap.
  const answer = NULL_BODY_STATUSES.has(response.status) ? null : new Uint8Array(await response.arrayBuffer());
  // Bitbucket has no reason to echo a credential; if an answer ever did, it stops here.
  if (answer && Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength).includes(accessToken)) {
    log().warn({ connectionId: connection.id, status: response.status }, "proxied answer contained the access token; withheld");
    throw new AppError("bitbucket_unexpected_response", { detail: "the answer was withheld" });
  }
  return new Response(answer as BodyInit | null, {
    status: response.status,
    headers: { ...pick(response.headers, RESPONSE_HEADERS), "cache-control": "no-store" },
  });
}
