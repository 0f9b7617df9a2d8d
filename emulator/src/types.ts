import type { CredentialState } from "./credentials/types.js";

// Shared record shapes. Everything in State is plain JSON so it can be persisted as-is.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface Settings {
  /** Pre-May-2026 behaviour: `scopes` field, reusable non-expiring refresh tokens, refresh token on client_credentials. */
  legacyScopesField: boolean;
  /** How long a rotated-out refresh token keeps working. */
  refreshGraceSeconds: number;
  accessTokenTtlSeconds: number;
  /** 2,600-character access tokens, to exercise the app's storage. */
  longTokens: boolean;
  /** How long a webhook delivery attempt waits for a response. */
  webhookTimeoutMs: number;
  /** Pause before a failed webhook delivery is retried. */
  webhookRetryDelayMs: number;
}

export interface Consumer {
  key: string;
  secret: string;
  name: string;
  workspace: string;
  description: string;
  callbackUrl: string;
  url: string;
  privacyPolicyUrl: string;
  eulaUrl: string;
  isPrivate: boolean;
  /** Always stored with implied scopes added, in canonical order. */
  scopes: string[];
  createdOn: string;
}

export interface AuthCode {
  code: string;
  consumerKey: string;
  username: string;
  redirectUri: string | null;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

export interface AccessToken {
  token: string;
  consumerKey: string;
  /** null for client_credentials tokens (they act as the consumer's workspace). */
  username: string | null;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshToken {
  token: string;
  consumerKey: string;
  username: string | null;
  scopes: string[];
  createdAt: number;
  /** null = never expires (legacy tokens). */
  expiresAt: number | null;
  /** When it was first exchanged; the grace period runs from here. */
  usedAt: number | null;
  revoked: boolean;
}

export interface Session {
  id: string;
  username: string | null;
  csrf: string;
  createdAt: number;
  flash: string | null;
}

/** A repository webhook subscription. The secret never leaves the emulator. */
export interface Hook {
  /** "{…}" uuid, lower case. */
  uuid: string;
  /** Repository full name, "workspace/slug". */
  repo: string;
  url: string;
  description: string;
  active: boolean;
  events: string[];
  secret: string | null;
  createdAt: string;
}

export interface CommitRecord {
  hash: string;
  message: string;
  date: string;
  /** Username of the author. */
  author: string;
  parents: string[];
}

export type PullRequestState = "OPEN" | "MERGED" | "DECLINED";

export interface PullRequestRecord {
  id: number;
  title: string;
  source: string;
  destination: string;
  state: PullRequestState;
  author: string;
  closedBy: string | null;
  createdOn: string;
  updatedOn: string;
}

/** Simulated git and pull request state of one repository, created by the triggers. */
export interface RepoActivity {
  repo: string;
  /** Commits made so far; drives the deterministic commit hashes. */
  commitSeq: number;
  branches: Record<string, CommitRecord>;
  pullRequests: PullRequestRecord[];
}

export interface State {
  version: 1;
  settings: Settings;
  consumers: Consumer[];
  codes: AuthCode[];
  accessTokens: AccessToken[];
  refreshTokens: RefreshToken[];
  sessions: Session[];
  hooks: Hook[];
  activity: RepoActivity[];
  /** Absent from state files written before access and API tokens existed. */
  credentials?: CredentialState | undefined;
}

export interface ConsumerSeed {
  key: string;
  secret: string;
  name: string;
  workspace: string;
  callbackUrl: string;
  scopes: string[];
  isPrivate: boolean;
  description?: string;
  url?: string;
}
