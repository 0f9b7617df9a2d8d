// Credentials that are not OAuth: access tokens (a repository's, project's or workspace's bot)
// and API tokens (an Atlassian account's, used with its email over HTTP Basic).

export type ResourceKind = "repository" | "project" | "workspace";

export interface ResourceAccessToken {
  id: string;
  token: string;
  name: string;
  kind: ResourceKind;
  workspace: string;
  /** Set for project tokens. */
  projectKey: string | null;
  /** Set for repository tokens. */
  repoSlug: string | null;
  /** The consumer's permission names (API scope names), closed over implications. */
  scopes: string[];
  createdBy: string;
  createdAt: number;
  /** null: no expiry. */
  expiresAt: number | null;
  revoked: boolean;
  /** Requests per rolling hour on /2.0/repositories/*. */
  rateLimit: number;
}

export interface AccountApiToken {
  id: string;
  token: string;
  name: string;
  username: string;
  /** Atlassian scope names, e.g. read:repository:bitbucket. */
  scopes: string[];
  createdAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface CredentialState {
  accessTokens: ResourceAccessToken[];
  apiTokens: AccountApiToken[];
}
