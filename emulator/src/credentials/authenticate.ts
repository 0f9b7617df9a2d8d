// Access tokens (Bearer) and API tokens (Basic with the account's email) as API principals.
import type { Ctx } from "../context.js";
import type { Reply } from "../http.js";
import { USERS, type SeedUser } from "../seed.js";
import { apiError, TOKEN_INVALID } from "../api/errors.js";
import type { AccountApiToken, ResourceAccessToken } from "./types.js";

export const NOT_ACCESSIBLE = "This API is not accessible by this authentication mechanism";
export const BASIC_INVALID = "Invalid credentials. Use your Atlassian account email address and an API token.";

const WWW_BASIC = { "www-authenticate": 'Basic realm="Bitbucket.org HTTP"' };
const WWW_BEARER = { "www-authenticate": 'Bearer realm="Bitbucket.org HTTP"' };

export type TokenPrincipal =
  | { kind: "access_token"; accessToken: ResourceAccessToken; user: null }
  | { kind: "api_token"; apiToken: AccountApiToken; user: SeedUser };

export function basicCredentials(ctx: Ctx): { username: string; password: string } | null {
  const m = /^basic\s+(\S+)\s*$/i.exec(ctx.req.headers.authorization ?? "");
  if (!m) return null;
  const decoded = Buffer.from(m[1] as string, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** A Bearer value that is an access token: live, or 401. undefined when it is not one. */
export function authenticateAccessToken(ctx: Ctx, raw: string): TokenPrincipal | Reply | undefined {
  const t = ctx.core.store.credentials.findAccessToken(raw);
  if (!t) return undefined;
  if (!ctx.core.store.credentials.isLive(t)) return apiError(401, TOKEN_INVALID, undefined, WWW_BEARER);
  return { kind: "access_token", accessToken: t, user: null };
}

/** HTTP Basic: the account's email (never its username) and one of its live API tokens. */
export function authenticateBasic(ctx: Ctx): TokenPrincipal | Reply | undefined {
  const basic = basicCredentials(ctx);
  if (!basic) return undefined;
  const t = ctx.core.store.credentials.findApiToken(basic.password);
  const user = t ? USERS.find((u) => u.username === t.username) : undefined;
  const emailMatches = user?.emails.some((e) => e.isConfirmed && e.email.toLowerCase() === basic.username.toLowerCase()) ?? false;
  if (!t || !user || !emailMatches || !ctx.core.store.credentials.isLive(t)) return apiError(401, BASIC_INVALID, undefined, WWW_BASIC);
  return { kind: "api_token", apiToken: t, user };
}
