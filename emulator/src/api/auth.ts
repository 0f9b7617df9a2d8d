// Bearer authentication and scope checks for /2.0.
import type { Ctx } from "../context.js";
import type { Reply } from "../http.js";
import { closure, type Scope } from "../scopes.js";
import { findUser, type SeedUser } from "../seed.js";
import type { AccessToken, Consumer } from "../types.js";
import { apiError, SCOPES_MISSING, TOKEN_EXPIRED, TOKEN_INVALID } from "./errors.js";

export interface Principal {
  token: AccessToken;
  consumer: Consumer;
  /** null for client-credentials tokens, which act as the consumer's workspace. */
  user: SeedUser | null;
}

export function bearerToken(ctx: Ctx): string | null {
  const header = ctx.req.headers.authorization ?? "";
  const m = /^bearer\s+(\S+)\s*$/i.exec(header);
  return m ? (m[1] as string) : null;
}

const WWW = { "www-authenticate": 'Bearer realm="Bitbucket.org HTTP"' };

export function authenticate(ctx: Ctx): Principal | Reply {
  const raw = bearerToken(ctx);
  if (raw === null) {
    if (ctx.url.searchParams.has("access_token")) {
      return apiError(401, "Access tokens in the query string are not accepted. Send the token in an Authorization: Bearer header.", undefined, WWW);
    }
    return apiError(401, "Authentication required: send an OAuth access token in an Authorization: Bearer header.", undefined, WWW);
  }
  const token = ctx.core.store.findAccessToken(raw);
  const consumer = token ? ctx.core.store.getConsumer(token.consumerKey) : undefined;
  if (!token || token.revoked || !consumer) return apiError(401, TOKEN_INVALID, undefined, WWW);
  if (ctx.core.clock.now() >= token.expiresAt) return apiError(401, TOKEN_EXPIRED, undefined, WWW);
  const user = token.username === null ? null : findUser(token.username) ?? null;
  return { token, consumer, user };
}

export function requireScope(p: Principal, required: Scope): Reply | null {
  const granted = closure(p.token.scopes);
  if (granted.includes(required)) return null;
  return apiError(403, SCOPES_MISSING, { granted, required: [required] });
}

/** Endpoints about "the current user" have no meaning for a client-credentials token (strict reading). */
export function requireUser(p: Principal): SeedUser | Reply {
  return p.user ?? apiError(401, TOKEN_INVALID, undefined, WWW);
}
