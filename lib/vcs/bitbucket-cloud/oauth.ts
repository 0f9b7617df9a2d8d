import "server-only";
import * as oauth from "oauth4webapi";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { outboundFetch } from "@/lib/http/outbound";
import { parseRetryAfter } from "@/lib/http/retry";
import { parseScopeList } from "./scopes";

/**
 * The one OAuth client for Bitbucket Cloud consumers (oauth4webapi), talking to the
 * connection's own host. Bitbucket Cloud has no PKCE and no OpenID discovery, so the
 * endpoints are fixed paths under the Host URL.
 */
export type ConsumerCredentials = { hostUrl: string; clientId: string; clientSecret: string };

export type TokenSet = {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date;
  scopes: string[];
};

/** The token endpoint's error, as Bitbucket names it (`unauthorized_client`, `invalid_grant`, …). */
export class TokenEndpointError extends Error {
  constructor(readonly error: string, readonly description: string, readonly status: number) {
    super(`Bitbucket token endpoint: ${error}`);
    this.name = "TokenEndpointError";
  }
}

const authorizationServer = (hostUrl: string): oauth.AuthorizationServer => ({
  issuer: hostUrl,
  authorization_endpoint: `${hostUrl}/site/oauth2/authorize`,
  token_endpoint: `${hostUrl}/site/oauth2/access_token`,
});

const requestOptions = {
  // Only reached for hosts the outbound policy already allowed (http:// only for an allowed sandbox).
  [oauth.allowInsecureRequests]: true,
  [oauth.customFetch]: ((url: string, init: RequestInit) =>
    outboundFetch(url, init as Parameters<typeof outboundFetch>[1])) as unknown as typeof fetch,
};

const bitbucketFields = z.object({ scope: z.string().optional(), scopes: z.string().optional() }).loose();

export function authorizeUrl(hostUrl: string, clientId: string, state: string, redirectUri: string): string {
  const url = new URL(authorizationServer(hostUrl).authorization_endpoint!);
  url.search = new URLSearchParams({ client_id: clientId, response_type: "code", state, redirect_uri: redirectUri }).toString();
  return url.toString();
}

function toTokenSet(response: oauth.TokenEndpointResponse, now = Date.now()): TokenSet {
  const extra = bitbucketFields.parse(response);
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? null,
    expiresAt: new Date(now + (response.expires_in ?? 7200) * 1000),
    // Since May 2026 the field is `scope`; before, `scopes`.
    scopes: parseScopeList(extra.scope ?? extra.scopes),
  };
}

async function tokenCall(send: () => Promise<Response>, process: (response: Response) => Promise<oauth.TokenEndpointResponse>) {
  const response = await send();
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    throw new AppError("bitbucket_unavailable", {
      detail: `token endpoint HTTP ${response.status}`,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    });
  }
  try {
    return toTokenSet(await process(response));
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) {
      throw new TokenEndpointError(error.error, error.error_description ?? "", error.status);
    }
    if (error instanceof oauth.WWWAuthenticateChallengeError || error instanceof oauth.OperationProcessingError) {
      const body = (await response.clone().json().catch(() => null)) as { error?: unknown; error_description?: unknown } | null;
      if (body && typeof body.error === "string") {
        throw new TokenEndpointError(body.error, String(body.error_description ?? ""), response.status);
      }
    }
    throw new AppError("bitbucket_unexpected_response", { detail: "token endpoint", cause: error });
  }
}

export function exchangeCode(consumer: ConsumerCredentials, code: string, redirectUri: string): Promise<TokenSet> {
  const as = authorizationServer(consumer.hostUrl);
  const client = { client_id: consumer.clientId };
  const auth = oauth.ClientSecretBasic(consumer.clientSecret);
  // `state` was already checked against its stored hash (lib/connections/complete-authorization).
  const callback = oauth.validateAuthResponse(as, client, new URLSearchParams({ code }), oauth.skipStateCheck);
  return tokenCall(
    () => oauth.authorizationCodeGrantRequest(as, client, auth, callback, redirectUri, oauth.nopkce, requestOptions),
    (response) => oauth.processAuthorizationCodeResponse(as, client, response),
  );
}

export function clientCredentials(consumer: ConsumerCredentials): Promise<TokenSet> {
  const as = authorizationServer(consumer.hostUrl);
  const client = { client_id: consumer.clientId };
  const auth = oauth.ClientSecretBasic(consumer.clientSecret);
  return tokenCall(
    () => oauth.clientCredentialsGrantRequest(as, client, auth, new URLSearchParams(), requestOptions),
    (response) => oauth.processClientCredentialsResponse(as, client, response),
  );
}

export function refreshTokens(consumer: ConsumerCredentials, refreshToken: string): Promise<TokenSet> {
  const as = authorizationServer(consumer.hostUrl);
  const client = { client_id: consumer.clientId };
  const auth = oauth.ClientSecretBasic(consumer.clientSecret);
  return tokenCall(
    () => oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, requestOptions),
    (response) => oauth.processRefreshTokenResponse(as, client, response),
  );
}
