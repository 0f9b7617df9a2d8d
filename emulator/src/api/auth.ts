// Authentication and scope checks for /2.0: OAuth access tokens and access tokens (Bearer),
// API tokens (Basic with the account's email).
import type { Ctx } from "../context.js";
import type { Reply } from "../http.js";
import { closure, type Scope } from "../scopes.js";
import { findUser, type SeedUser } from "../seed.js";
import type { AccessToken, Consumer } from "../types.js";
import { authenticateAccessToken, authenticateBasic, NOT_ACCESSIBLE, type TokenPrincipal } from "../credentials/authenticate.js";
import { apiTokenScopeFor } from "../credentials/scopes.js";
import { apiError, SCOPES_MISSING, TOKEN_EXPIRED, TOKEN_INVALID } from "./errors.js";

export type Principal =
  | {
    kind: "oauth";
    token: AccessToken;
    consumer: Consumer;
    /** null for client-credentials tokens, which act as the consumer's workspace. */
    user: SeedUser | null;
  }
  | TokenPrincipal;

export function bearerToken(ctx: Ctx): string | null {
  const header = ctx.req.headers.authorization ?? "";
  const m = /^bearer\s+(\S+)\s*$/i.exec(header);
  return m ? (m[1] as string) : null;
}

const WWW = { "www-authenticate": 'Bearer realm="Bitbucket.org HTTP"' };

export function authenticate(ctx: Ctx): Principal | Reply {
  const basic = authenticateBasic(ctx);
  if (basic) return basic;
  const raw = bearerToken(ctx);
  if (raw === null) {
    if (ctx.url.searchParams.has("access_token")) {
      return apiError(401, "Access tokens in the query string are not accepted. Send the token in an Authorization: Bearer header.", undefined, WWW);
    }
    return apiError(401, "Authentication required: send an OAuth access token in an Authorization: Bearer header.", undefined, WWW);
  }
  const resource = authenticateAccessToken(ctx, raw);
  if (resource) return resource;
  const token = ctx.core.store.findAccessToken(raw);
  const consumer = token ? ctx.core.store.getConsumer(token.consumerKey) : undefined;
  if (!token || token.revoked || !consumer) return apiError(401, TOKEN_INVALID, undefined, WWW);
  if (ctx.core.clock.now() >= token.expiresAt) return apiError(401, TOKEN_EXPIRED, undefined, WWW);
  const user = token.username === null ? null : findUser(token.username) ?? null;
  return { kind: "oauth", token, consumer, user };
}

/** What the principal was granted, in its own vocabulary (for the 403 detail). */
function granted(p: Principal): string[] {
  if (p.kind === "api_token") return [...p.apiToken.scopes];
  return closure(p.kind === "oauth" ? p.token.scopes : p.accessToken.scopes);
}

/** `write` picks the API-token scope for changes (write:webhook:bitbucket rather than read:…). */
export function requireScope(p: Principal, required: Scope, write = false): Reply | null {
  if (p.kind === "api_token") {
    const needed = apiTokenScopeFor(required, write);
    return p.apiToken.scopes.includes(needed) ? null : apiError(403, SCOPES_MISSING, { granted: granted(p), required: [needed] });
  }
  const have = granted(p);
  if (have.includes(required)) return null;
  return apiError(403, SCOPES_MISSING, { granted: have, required: [required] });
}

/** Endpoints about "the current user": refused to access tokens (a resource's bot), unknown to client-credentials tokens. */
export function requireUser(p: Principal): SeedUser | Reply {
  if (p.kind === "access_token") return apiError(403, NOT_ACCESSIBLE);
  return p.user ?? apiError(401, TOKEN_INVALID, undefined, WWW);
}

export function isPrincipal(v: Principal | Reply): v is Principal {
  return v.kind === "oauth" || v.kind === "access_token" || v.kind === "api_token";
}
