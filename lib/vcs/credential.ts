/**
 * What a connection authenticates with, as one small interface: how a request is
 * authenticated, who Bitbucket sees, the call that proves it still works, a refresh when
 * the kind has one, and when it ends. Implementations live with their provider
 * (lib/vcs/bitbucket-cloud/credentials.ts).
 */
export const CREDENTIAL_TYPES = ["oauth_consumer", "access_token", "api_token"] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const CREDENTIAL_TYPE_LABELS: Record<CredentialType, string> = {
  oauth_consumer: "OAuth consumer",
  access_token: "Access token",
  api_token: "API token",
};

export function parseCredentialType(value: string): CredentialType {
  return (CREDENTIAL_TYPES as readonly string[]).includes(value) ? (value as CredentialType) : "oauth_consumer";
}

export interface VcsCredential {
  readonly type: CredentialType;
  /** The Authorization header value for one request to the connection's API URL. */
  authorization(): string;
  /** Who Bitbucket sees: an account, or a repository's, project's or workspace's bot. */
  identity(): string;
  /** The cheapest call that proves Bitbucket still accepts it. */
  check(apiUrl: string): Promise<void>;
  /** A fresh credential when this kind can refresh itself (OAuth); null when a person must replace it. */
  refresh(): Promise<VcsCredential | null>;
  /** When it stops working; null when nobody knows. */
  expiresAt(): Date | null;
}
