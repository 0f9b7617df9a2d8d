// In-memory access tokens and API tokens, with a rolling-hour request log per access token.
import { randomAlphanumeric, randomToken } from "../random.js";
import { closure } from "../scopes.js";
import type { Clock } from "../types.js";
import { ACCESS_TOKEN_PREFIX, API_TOKEN_PREFIX, DEFAULT_RATE_LIMIT } from "./scopes.js";
import type { AccountApiToken, CredentialState, ResourceAccessToken, ResourceKind } from "./types.js";

export interface AccessTokenInput {
  kind: ResourceKind;
  workspace: string;
  projectKey?: string | null | undefined;
  repoSlug?: string | null | undefined;
  name: string;
  scopes: readonly string[];
  createdBy: string;
  expiresAt: number | null;
  rateLimit?: number | undefined;
}

export interface ApiTokenInput {
  username: string;
  name: string;
  scopes: readonly string[];
  expiresAt: number;
}

const HOUR_MS = 3_600_000;

export class CredentialStore {
  private access = new Map<string, ResourceAccessToken>();
  private api = new Map<string, AccountApiToken>();
  /** Access token id → request times within the last hour. */
  private calls = new Map<string, number[]>();

  constructor(private readonly clock: Clock, private readonly touch: () => void) {}

  clear(): void {
    this.access.clear();
    this.api.clear();
    this.calls.clear();
  }

  createAccessToken(input: AccessTokenInput): ResourceAccessToken {
    const t: ResourceAccessToken = {
      id: `{${crypto.randomUUID()}}`, token: ACCESS_TOKEN_PREFIX + randomToken(180), name: input.name, kind: input.kind,
      workspace: input.workspace, projectKey: input.kind === "project" ? (input.projectKey ?? null) : null,
      repoSlug: input.kind === "repository" ? (input.repoSlug ?? null) : null, scopes: closure(input.scopes),
      createdBy: input.createdBy, createdAt: this.clock.now(), expiresAt: input.expiresAt, revoked: false,
      rateLimit: input.rateLimit ?? DEFAULT_RATE_LIMIT,
    };
    this.access.set(t.token, t);
    this.touch();
    return t;
  }

  createApiToken(input: ApiTokenInput): AccountApiToken {
    const t: AccountApiToken = {
      id: randomAlphanumeric(24), token: API_TOKEN_PREFIX + randomToken(180), name: input.name, username: input.username,
      scopes: [...new Set(input.scopes)], createdAt: this.clock.now(), expiresAt: input.expiresAt, revoked: false,
    };
    this.api.set(t.token, t);
    this.touch();
    return t;
  }

  findAccessToken(token: string): ResourceAccessToken | undefined {
    return this.access.get(token);
  }

  findApiToken(token: string): AccountApiToken | undefined {
    return this.api.get(token);
  }

  accessTokensOf(workspace: string, kind: ResourceKind, key: string | null): ResourceAccessToken[] {
    return [...this.access.values()].filter((t) => t.workspace === workspace && t.kind === kind
      && (kind === "project" ? t.projectKey === key : kind === "repository" ? t.repoSlug === key : true));
  }

  apiTokensOf(username: string): AccountApiToken[] {
    return [...this.api.values()].filter((t) => t.username === username);
  }

  all(): { accessTokens: ResourceAccessToken[]; apiTokens: AccountApiToken[] } {
    return { accessTokens: [...this.access.values()], apiTokens: [...this.api.values()] };
  }

  private byId(id: string): ResourceAccessToken | AccountApiToken | undefined {
    return [...this.access.values(), ...this.api.values()].find((t) => t.id === id);
  }

  /** Ends a token now (on the emulator's clock); false when there is no such token. */
  expire(id: string): boolean {
    const t = this.byId(id);
    if (!t) return false;
    const now = this.clock.now();
    t.expiresAt = t.expiresAt === null ? now : Math.min(t.expiresAt, now);
    this.touch();
    return true;
  }

  revoke(id: string, owner?: (t: ResourceAccessToken | AccountApiToken) => boolean): boolean {
    const t = this.byId(id);
    if (!t || (owner && !owner(t))) return false;
    t.revoked = true;
    this.touch();
    return true;
  }

  isLive(t: { revoked: boolean; expiresAt: number | null }): boolean {
    return !t.revoked && (t.expiresAt === null || this.clock.now() < t.expiresAt);
  }

  /** Counts one request against the token's hourly allowance; returns what is left (negative: refused). */
  countCall(t: ResourceAccessToken): { remaining: number; retryAfterSeconds: number } {
    const now = this.clock.now();
    const recent = (this.calls.get(t.id) ?? []).filter((at) => at > now - HOUR_MS);
    if (recent.length >= t.rateLimit) {
      this.calls.set(t.id, recent);
      return { remaining: -1, retryAfterSeconds: Math.max(1, Math.ceil(((recent[0] as number) + HOUR_MS - now) / 1000)) };
    }
    recent.push(now);
    this.calls.set(t.id, recent);
    return { remaining: t.rateLimit - recent.length, retryAfterSeconds: 0 };
  }

  toState(): CredentialState {
    return this.all();
  }

  load(state: CredentialState | undefined): void {
    this.clear();
    for (const t of state?.accessTokens ?? []) this.access.set(t.token, t);
    for (const t of state?.apiTokens ?? []) this.api.set(t.token, t);
  }
}
