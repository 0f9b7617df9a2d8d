/**
 * When a connection's credential ends, and why: the one place that knows, for every kind
 * of credential. Pure, so the sweep, the pages and the API agree.
 *
 * The stored `credentialExpiresAt` is the truth for every kind: a pasted token's expiry
 * from setup, and for an OAuth consumer the refresh token's end (Bitbucket drops it 90 days
 * after its last use), moved forward on each refresh. Only an OAuth connection stored
 * before that column was kept falls back to the grant: its last refresh (or creation) + 90 days.
 */
import { oauthRefreshTokenEnd } from "@/lib/vcs/bitbucket-cloud/token-setup";

const DAY_MS = 86_400_000;

export type CredentialEndReason = "refresh_token_unused" | "access_token" | "token_expiry";

export type CredentialEnd = {
  endsAt: Date;
  reason: CredentialEndReason;
  /** The access token's own expiry, shown beside an OAuth connection's end. */
  accessTokenExpiresAt: Date | null;
};

type GrantFacts = {
  expiresAt: Date;
  refreshedAt: Date | null;
  createdAt: Date;
  /** Bitbucket's authorization-code grants always carry one; false only where a grant does not. */
  hasRefreshToken?: boolean;
};

export type CredentialFacts = {
  /** VcsConnection.credentialType: "oauth_consumer" (the default), "access_token" or "api_token". */
  credentialType?: string | null;
  /** VcsConnection.credentialExpiresAt: wins whenever it is set. */
  credentialExpiresAt?: Date | null;
  grant: GrantFacts | null;
};

export function credentialEnd(facts: CredentialFacts): CredentialEnd | null {
  const type = facts.credentialType ?? "oauth_consumer";
  const stored = facts.credentialExpiresAt ?? null;
  if (type !== "oauth_consumer") {
    return stored ? { endsAt: stored, reason: "token_expiry", accessTokenExpiresAt: null } : null;
  }
  // OAuth: without a grant there is no credential to end (never authorized, or disconnected).
  const grant = facts.grant;
  if (!grant) return null;
  const reason: CredentialEndReason = grant.hasRefreshToken === false ? "access_token" : "refresh_token_unused";
  if (stored) return { endsAt: stored, reason, accessTokenExpiresAt: grant.expiresAt };
  if (reason === "access_token") return { endsAt: grant.expiresAt, reason, accessTokenExpiresAt: grant.expiresAt };
  return { endsAt: oauthRefreshTokenEnd(grant.refreshedAt ?? grant.createdAt), reason, accessTokenExpiresAt: grant.expiresAt };
}

/** Whole days left, rounded up (0 once it has ended). */
export function daysLeft(endsAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / DAY_MS));
}

/** The words for why a credential ends, shown beside the countdown. */
export const CREDENTIAL_END_WORDS: Record<CredentialEndReason, string> = {
  refresh_token_unused: "Bitbucket drops a refresh token 90 days after its last use; each refresh starts the count again.",
  access_token: "The access token cannot be refreshed.",
  token_expiry: "The token's expiry, set when it was created on Bitbucket.",
};
