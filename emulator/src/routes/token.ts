// POST /site/oauth2/access_token: client authentication and the three grants.
import type { Ctx } from "../context.js";
import { applyFault } from "../fault-reply.js";
import { json, mediaType, type Reply } from "../http.js";
import type { Router } from "../router.js";
import type { Consumer } from "../types.js";

const GRANTS = ["authorization_code", "refresh_token", "client_credentials"] as const;
type Grant = (typeof GRANTS)[number];

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Reply {
  return json(status, { error, error_description: description }, { "cache-control": "no-store", ...headers });
}

const invalidGrant = (description: string) => oauthError(400, "invalid_grant", description);

interface ClientCredentials {
  id: string;
  secret: string | null;
}

/** HTTP Basic first (documented), then client_id/client_secret in the form body. */
function clientCredentials(ctx: Ctx, form: URLSearchParams): ClientCredentials | "malformed" | null {
  const header = ctx.req.headers.authorization;
  if (header && /^basic\s/i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0) return "malformed";
    return { id: safeDecode(decoded.slice(0, colon)), secret: safeDecode(decoded.slice(colon + 1)) };
  }
  const id = form.get("client_id");
  return id ? { id, secret: form.get("client_secret") } : null;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

async function accessToken(ctx: Ctx): Promise<Reply> {
  const body = await ctx.body();
  // A JSON (or any non-form) body is read as "no parameters at all", as Bitbucket does.
  const form = mediaType(ctx.req) === "application/x-www-form-urlencoded" ? new URLSearchParams(body.toString("utf8")) : new URLSearchParams();
  const creds = clientCredentials(ctx, form);
  if (creds && creds !== "malformed") ctx.core.stats.countToken(creds.id);

  const fault = await applyFault(ctx, "token");
  if (fault) return fault;

  const grantType = form.get("grant_type");
  if (!grantType || !(GRANTS as readonly string[]).includes(grantType)) {
    return invalidGrant(`Unsupported grant type: ${grantType || "None"}`);
  }
  if (creds === null || creds === "malformed" || !creds.secret) {
    return oauthError(401, "invalid_client", "Client credentials missing; this request needs to be authenticated with client credentials (HTTP Basic key:secret).",
      { "www-authenticate": 'Basic realm="Bitbucket.org HTTP"' });
  }
  const consumer = ctx.core.store.getConsumer(creds.id);
  if (!consumer || consumer.secret !== creds.secret) {
    return oauthError(401, "unauthorized_client", "Invalid OAuth client credentials", { "www-authenticate": 'Basic realm="Bitbucket.org HTTP"' });
  }
  if (!consumer.callbackUrl) return oauthError(400, "invalid_request", "No callback uri defined for the OAuth client.");

  switch (grantType as Grant) {
    case "authorization_code":
      return authorizationCode(ctx, consumer, form);
    case "refresh_token":
      return refreshToken(ctx, consumer, form);
    case "client_credentials":
      return clientCredentialsGrant(ctx, consumer);
  }
}

function success(ctx: Ctx, consumer: Consumer, username: string | null, scopes: string[], grant: Grant, refresh: string | null): Reply {
  const { store } = ctx.core;
  const access = store.issueAccessToken(consumer.key, username, scopes);
  const scopeField = store.settings.legacyScopesField ? "scopes" : "scope";
  const body: Record<string, unknown> = {
    access_token: access.token,
    token_type: "bearer",
    expires_in: store.settings.accessTokenTtlSeconds,
    [scopeField]: scopes.join(" "),
  };
  if (refresh !== null) body.refresh_token = refresh;
  body.state = grant;
  return json(200, body, { "cache-control": "no-store", pragma: "no-cache" });
}

function authorizationCode(ctx: Ctx, consumer: Consumer, form: URLSearchParams): Reply {
  const code = ctx.core.store.takeCode(form.get("code") ?? "", consumer.key);
  if (!code) return invalidGrant("The authorization code is invalid or expired.");
  if (code.redirectUri !== null && form.get("redirect_uri") !== code.redirectUri) {
    return invalidGrant("The redirect_uri does not match the one sent to the authorize endpoint.");
  }
  const refresh = ctx.core.store.issueRefreshToken(consumer.key, code.username, code.scopes);
  return success(ctx, consumer, code.username, code.scopes, "authorization_code", refresh.token);
}

function refreshToken(ctx: Ctx, consumer: Consumer, form: URLSearchParams): Reply {
  const { store } = ctx.core;
  const now = ctx.core.clock.now();
  const old = store.findRefreshToken(form.get("refresh_token") ?? "");
  if (!old || old.revoked || old.consumerKey !== consumer.key) return invalidGrant("Invalid refresh_token");
  if (store.settings.legacyScopesField) {
    // Before May 2026: the same refresh token, reusable forever.
    return success(ctx, consumer, old.username, old.scopes, "refresh_token", old.token);
  }
  if (old.expiresAt !== null && now >= old.expiresAt) return invalidGrant("Invalid refresh_token");
  if (old.usedAt !== null && now >= old.usedAt + store.settings.refreshGraceSeconds * 1000) return invalidGrant("Invalid refresh_token");
  store.markRefreshUsed(old);
  const next = store.issueRefreshToken(consumer.key, old.username, old.scopes);
  return success(ctx, consumer, old.username, old.scopes, "refresh_token", next.token);
}

function clientCredentialsGrant(ctx: Ctx, consumer: Consumer): Reply {
  if (!consumer.isPrivate) {
    return invalidGrant('Cannot use client_credentials with a consumer marked as "public". Mark the consumer as private to use this grant.');
  }
  // Older Bitbucket also handed out a refresh token here; since May 2026 it does not.
  const refresh = ctx.core.store.settings.legacyScopesField ? ctx.core.store.issueRefreshToken(consumer.key, null, consumer.scopes).token : null;
  return success(ctx, consumer, null, consumer.scopes, "client_credentials", refresh);
}

export function tokenRoutes(r: Router): void {
  r.post("/site/oauth2/access_token", accessToken);
}
