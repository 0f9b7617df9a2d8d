import "server-only";
import { sealSecret } from "@/lib/crypto/keyring";
import { AppError } from "@/lib/errors/app-error";
import type { TokenResource } from "@/lib/vcs/bitbucket-cloud/credentials";
import { expiryFrom, type TokenResourceKind } from "@/lib/vcs/bitbucket-cloud/token-setup";
import { verifyAccessToken, verifyApiToken, type TokenIdentity } from "@/lib/vcs/bitbucket-cloud/verify-token";
import { sealContext } from "./load-connection";

export type TokenType = "access_token" | "api_token";

/** The expiry the admin picked on Bitbucket: a preset counted from now, or the date they chose (not past). */
export function tokenExpiry(input: { expiresInDays?: 90 | 180 | 365 | undefined; expiresOn?: string | undefined }, now = new Date()): Date {
  if (input.expiresInDays) return expiryFrom({ preset: input.expiresInDays }, now);
  if (!input.expiresOn) throw new AppError("invalid_input", { field: "expiresInDays", detail: "choose the expiry you picked on Bitbucket" });
  const end = expiryFrom({ date: input.expiresOn }, now);
  if (end.getTime() <= now.getTime()) throw new AppError("token_expiry_past", { field: "expiresOn" });
  return end;
}

export type TokenCheck = {
  type: TokenType;
  apiUrl: string;
  token: string;
  email?: string | null | undefined;
  resource?: TokenResource | null;
  scopes: readonly string[];
};

/** Verifies a token of either kind with Bitbucket; errors name the field to fix. */
/** The grant a verified token becomes: sealed with the connection's id as context, with the account it acts as. */
export function tokenGrant(connectionId: string, token: string, expiresAt: Date, scopes: string[], identity: TokenIdentity) {
  return {
    accessTokenSealed: sealSecret(token, sealContext.accessToken(connectionId)),
    expiresAt,
    grantedScopes: scopes.join(" "),
    accountUuid: identity.account?.uuid ?? null,
    accountName: identity.account?.displayName ?? identity.label,
    accountNickname: identity.account?.nickname ?? null,
    accountAvatarUrl: identity.account?.avatarUrl ?? null,
  };
}

export function verifyToken(check: TokenCheck): Promise<TokenIdentity> {
  if (check.type === "api_token") {
    return verifyApiToken({ apiUrl: check.apiUrl, email: check.email ?? "", token: check.token, scopes: check.scopes });
  }
  if (!check.resource) throw new AppError("invalid_input", { field: "resourceKind" });
  return verifyAccessToken({ apiUrl: check.apiUrl, token: check.token, resource: check.resource, scopes: check.scopes });
}

/** The resource an access-token connection belongs to, from its stored columns. */
export function storedResource(connection: { tokenResourceKind: string | null; tokenWorkspace: string | null; tokenResourceKey: string | null }): TokenResource | null {
  if (!connection.tokenResourceKind || !connection.tokenWorkspace) return null;
  return { kind: connection.tokenResourceKind as TokenResourceKind, workspace: connection.tokenWorkspace, key: connection.tokenResourceKey };
}
