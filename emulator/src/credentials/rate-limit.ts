// Scaled rate limits: only access tokens are counted per token on /2.0/repositories/*, and only
// their responses carry X-RateLimit-Limit, X-RateLimit-Resource and X-RateLimit-NearLimit.
import type { Ctx } from "../context.js";
import { withHeader, type Reply } from "../http.js";
import { apiError } from "../api/errors.js";

export const RATE_LIMIT_EXCEEDED = "Rate limit for this resource has been exceeded";
const RESOURCE = "api.repositories";
/** NearLimit turns true when less than a fifth of the allowance is left. */
const NEAR_FRACTION = 0.2;

export async function withRateLimit(ctx: Ctx, bearer: string | null, handle: () => Reply | Promise<Reply>): Promise<Reply> {
  const credentials = ctx.core.store.credentials;
  const token = bearer ? credentials.findAccessToken(bearer) : undefined;
  if (!token || !credentials.isLive(token) || !ctx.url.pathname.startsWith("/2.0/repositories/")) return handle();
  const { remaining, retryAfterSeconds } = credentials.countCall(token);
  const near = String(remaining < token.rateLimit * NEAR_FRACTION);
  const headers = { "x-ratelimit-limit": String(token.rateLimit), "x-ratelimit-resource": RESOURCE, "x-ratelimit-nearlimit": near };
  let reply = remaining < 0
    ? apiError(429, RATE_LIMIT_EXCEEDED, undefined, { "retry-after": String(retryAfterSeconds) })
    : await handle();
  for (const [k, v] of Object.entries(headers)) reply = withHeader(reply, k, v);
  return reply;
}
