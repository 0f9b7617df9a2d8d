// In-memory state of everything that changes: consumers, codes, tokens, sessions, settings,
// webhooks and the simulated repository activity.
import { closure } from "./scopes.js";
import { randomAlphanumeric, randomToken } from "./random.js";
import { bbTime } from "./repos.js";
import {
  CODE_TTL_MS, CONSUMER_KEY_LENGTH, CONSUMER_SECRET_LENGTH, DEFAULT_SETTINGS,
  LONG_TOKEN_LENGTH, REFRESH_TTL_MS, SHORT_TOKEN_LENGTH,
} from "./settings.js";
import type {
  AccessToken, AuthCode, Clock, Consumer, ConsumerSeed, RefreshToken, Session, Settings, State,
} from "./types.js";
import { CredentialStore } from "./credentials/store.js";
import { ActivityStore } from "./webhooks/activity.js";
import { HookStore } from "./webhooks/hook-store.js";

export interface ConsumerInput {
  workspace: string;
  name: string;
  callbackUrl: string;
  scopes: readonly string[];
  isPrivate: boolean;
  key?: string | undefined;
  secret?: string | undefined;
  description?: string | undefined;
  url?: string | undefined;
  privacyPolicyUrl?: string | undefined;
  eulaUrl?: string | undefined;
}

export type ConsumerPatch = Partial<Omit<ConsumerInput, "key" | "secret" | "workspace">>;

export class Store {
  settings: Settings = { ...DEFAULT_SETTINGS };
  private consumers = new Map<string, Consumer>();
  private codes = new Map<string, AuthCode>();
  private access = new Map<string, AccessToken>();
  private refresh = new Map<string, RefreshToken>();
  private sessions = new Map<string, Session>();
  readonly hooks = new HookStore(() => { this.dirty = true; });
  readonly activity = new ActivityStore(() => { this.dirty = true; });
  /** Access tokens and API tokens (credentials/). */
  readonly credentials = new CredentialStore({ now: () => this.clock.now() }, () => { this.dirty = true; });
  /** Set by every mutation; the server persists and clears it. */
  dirty = false;

  constructor(
    private readonly clock: Clock,
    private readonly seeds: readonly ConsumerSeed[] = [],
    private readonly baseSettings: Partial<Settings> = {},
  ) {
    this.reset();
  }

  /** Back to seed: only the start-up consumers remain, settings return to their start values. */
  reset(): void {
    this.settings = { ...DEFAULT_SETTINGS, ...this.baseSettings };
    for (const m of [this.consumers, this.codes, this.access, this.refresh, this.sessions]) m.clear();
    this.hooks.clear();
    this.activity.clear();
    this.credentials.clear();
    for (const seed of this.seeds) this.upsertSeed(seed);
    this.dirty = true;
  }

  upsertSeed(seed: ConsumerSeed): Consumer {
    this.consumers.delete(seed.key);
    return this.createConsumer(seed);
  }

  // ---- consumers
  listConsumers(workspace?: string): Consumer[] {
    const all = [...this.consumers.values()];
    return workspace === undefined ? all : all.filter((c) => c.workspace === workspace);
  }

  getConsumer(key: string): Consumer | undefined {
    return this.consumers.get(key);
  }

  createConsumer(input: ConsumerInput): Consumer {
    const key = input.key ?? randomAlphanumeric(CONSUMER_KEY_LENGTH);
    if (this.consumers.has(key)) throw new Error(`A consumer with key ${key} already exists.`);
    const consumer: Consumer = {
      key,
      secret: input.secret ?? randomAlphanumeric(CONSUMER_SECRET_LENGTH),
      name: input.name,
      workspace: input.workspace,
      description: input.description ?? "",
      callbackUrl: input.callbackUrl,
      url: input.url ?? "",
      privacyPolicyUrl: input.privacyPolicyUrl ?? "",
      eulaUrl: input.eulaUrl ?? "",
      isPrivate: input.isPrivate,
      scopes: closure(input.scopes),
      createdOn: bbTime(this.clock.now()),
    };
    this.consumers.set(key, consumer);
    this.dirty = true;
    return consumer;
  }

  updateConsumer(key: string, patch: ConsumerPatch): Consumer | undefined {
    const c = this.consumers.get(key);
    if (!c) return undefined;
    const { scopes, ...rest } = patch;
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) (c as unknown as Record<string, unknown>)[k] = v;
    if (scopes) c.scopes = closure(scopes);
    this.dirty = true;
    return c;
  }

  /** Deleting a consumer revokes everything it was granted. */
  deleteConsumer(key: string): boolean {
    if (!this.consumers.delete(key)) return false;
    this.revokeGrants(key);
    for (const [code, c] of this.codes) if (c.consumerKey === key) this.codes.delete(code);
    this.dirty = true;
    return true;
  }

  // ---- authorization codes
  issueCode(consumer: Consumer, username: string, redirectUri: string | null): AuthCode {
    const code: AuthCode = {
      code: randomAlphanumeric(32), consumerKey: consumer.key, username, redirectUri,
      scopes: [...consumer.scopes], expiresAt: this.clock.now() + CODE_TTL_MS, used: false,
    };
    this.codes.set(code.code, code);
    this.dirty = true;
    return code;
  }

  /** Single use: the code is spent whether or not the caller then accepts it. */
  takeCode(code: string, consumerKey: string): AuthCode | undefined {
    const c = this.codes.get(code);
    if (!c || c.used || c.consumerKey !== consumerKey || this.clock.now() >= c.expiresAt) return undefined;
    c.used = true;
    this.dirty = true;
    return c;
  }

  // ---- tokens
  issueAccessToken(consumerKey: string, username: string | null, scopes: readonly string[]): AccessToken {
    const length = this.settings.longTokens ? LONG_TOKEN_LENGTH : SHORT_TOKEN_LENGTH;
    const t: AccessToken = {
      token: randomToken(length), consumerKey, username, scopes: [...scopes],
      expiresAt: this.clock.now() + this.settings.accessTokenTtlSeconds * 1000, revoked: false,
    };
    this.access.set(t.token, t);
    this.dirty = true;
    return t;
  }

  issueRefreshToken(consumerKey: string, username: string | null, scopes: readonly string[]): RefreshToken {
    const now = this.clock.now();
    const t: RefreshToken = {
      token: randomAlphanumeric(48), consumerKey, username, scopes: [...scopes], createdAt: now,
      expiresAt: this.settings.legacyScopesField ? null : now + REFRESH_TTL_MS, usedAt: null, revoked: false,
    };
    this.refresh.set(t.token, t);
    this.dirty = true;
    return t;
  }

  findAccessToken(token: string): AccessToken | undefined {
    return this.access.get(token);
  }

  findRefreshToken(token: string): RefreshToken | undefined {
    return this.refresh.get(token);
  }

  markRefreshUsed(t: RefreshToken): void {
    if (t.usedAt === null) t.usedAt = this.clock.now();
    this.dirty = true;
  }

  /** Every access token of the consumer expires now; returns how many were live. */
  expireAccessTokens(consumerKey: string): number {
    const now = this.clock.now();
    let n = 0;
    for (const t of this.access.values()) {
      if (t.consumerKey !== consumerKey || t.revoked) continue;
      if (t.expiresAt > now) n++;
      t.expiresAt = Math.min(t.expiresAt, now);
    }
    this.dirty = true;
    return n;
  }

  /** Revokes access and refresh tokens of the consumer (optionally only one user's). */
  revokeGrants(consumerKey: string, username?: string): number {
    let n = 0;
    for (const t of [...this.access.values(), ...this.refresh.values()]) {
      if (t.consumerKey !== consumerKey || t.revoked) continue;
      if (username !== undefined && t.username !== username) continue;
      t.revoked = true;
      n++;
    }
    this.dirty = true;
    return n;
  }

  // ---- sessions
  createSession(username: string | null): Session {
    const s: Session = { id: randomToken(43), username, csrf: randomToken(43), createdAt: this.clock.now(), flash: null };
    this.sessions.set(s.id, s);
    this.dirty = true;
    return s;
  }

  getSession(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  deleteSession(id: string): void {
    this.sessions.delete(id);
    this.dirty = true;
  }

  setFlash(s: Session, flash: string | null): void {
    s.flash = flash;
    this.dirty = true;
  }

  // ---- persistence
  toState(): State {
    return {
      version: 1,
      settings: { ...this.settings },
      consumers: [...this.consumers.values()],
      codes: [...this.codes.values()],
      accessTokens: [...this.access.values()],
      refreshTokens: [...this.refresh.values()],
      sessions: [...this.sessions.values()],
      hooks: this.hooks.list(),
      activity: this.activity.all(),
      credentials: this.credentials.toState(),
    };
  }

  loadState(state: State): void {
    // Files written before a setting existed lack it: keep the default then.
    const saved = Object.fromEntries(Object.entries(state.settings).filter(([, v]) => v !== undefined));
    this.settings = { ...DEFAULT_SETTINGS, ...this.baseSettings, ...saved };
    const fill = <T>(map: Map<string, T>, items: T[], id: (t: T) => string) => {
      map.clear();
      for (const item of items) map.set(id(item), item);
    };
    fill(this.consumers, state.consumers, (c) => c.key);
    fill(this.codes, state.codes, (c) => c.code);
    fill(this.access, state.accessTokens, (t) => t.token);
    fill(this.refresh, state.refreshTokens, (t) => t.token);
    fill(this.sessions, state.sessions, (s) => s.id);
    this.hooks.load(state.hooks ?? []);
    this.activity.load(state.activity ?? []);
    this.credentials.load(state.credentials);
    for (const seed of this.seeds) this.upsertSeed(seed);
  }
}
