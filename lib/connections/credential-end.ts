/**
 * When a connection's credential ends, and why: the one place that knows, for every kind
 * of credential. Pure, so the sweep, the pages and the API agree.
 *
 * - OAuth consumer: the access token expires (the app refreshes it by itself), and the
 *   refresh token dies 90 days after its last use (Bitbucket's rule), which no refresh can
 *   undo. The connection ends with the refresh token; without one, with the access token.
 * - Other kinds (tokens an admin pastes in): the expiry stored at setup; add them here.
 */
export const REFRESH_TOKEN_IDLE_DAYS = 90;
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
  /** "oauth" today; other kinds carry their stored expiry in `credentialExpiresAt`. */
  credentialKind?: string | null;
  credentialExpiresAt?: Date | null;
  grant: GrantFacts | null;
};

export function credentialEnd(facts: CredentialFacts): CredentialEnd | null {
  const kind = facts.credentialKind ?? "oauth";
  if (kind !== "oauth") {
    return facts.credentialExpiresAt ? { endsAt: facts.credentialExpiresAt, reason: "token_expiry", accessTokenExpiresAt: null } : null;
  }
  const grant = facts.grant;
  if (!grant) return null;
  if (grant.hasRefreshToken === false) return { endsAt: grant.expiresAt, reason: "access_token", accessTokenExpiresAt: grant.expiresAt };
  const lastUse = grant.refreshedAt ?? grant.createdAt;
  return { endsAt: new Date(lastUse.getTime() + REFRESH_TOKEN_IDLE_DAYS * DAY_MS), reason: "refresh_token_unused", accessTokenExpiresAt: grant.expiresAt };
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
