/**
 * What Bitbucket's own screens ask when an admin creates an access token or an API token:
 * where the page is, which permissions to tick in its words, and the expiry choices. Pure,
 * shared by the setup pages and the server.
 */
import { scopeLabel } from "./scopes";

export type TokenResourceKind = "repository" | "project" | "workspace";
export const TOKEN_RESOURCE_KINDS = ["repository", "project", "workspace"] as const satisfies readonly TokenResourceKind[];

/** Access tokens carry no account or workspace-membership permissions: they act as their resource's bot. */
const NOT_ON_ACCESS_TOKENS = new Set(["account", "account:write", "email", "team", "team:write"]);

export function accessTokenScopes(scopes: readonly string[]): string[] {
  return scopes.filter((s) => !NOT_ON_ACCESS_TOKENS.has(s));
}

/** An OAuth permission's equivalents among Atlassian's API token scopes (which do not imply one another). */
const API_TOKEN_EQUIVALENTS: Record<string, string[]> = {
  account: ["read:user:bitbucket"],
  "account:write": ["read:user:bitbucket"],
  email: ["read:user:bitbucket"],
  team: ["read:workspace:bitbucket"],
  project: ["read:project:bitbucket"],
  "project:admin": ["admin:project:bitbucket"],
  repository: ["read:repository:bitbucket"],
  "repository:write": ["read:repository:bitbucket", "write:repository:bitbucket"],
  "repository:admin": ["admin:repository:bitbucket"],
  "repository:delete": ["delete:repository:bitbucket"],
  pullrequest: ["read:pullrequest:bitbucket"],
  "pullrequest:write": ["read:pullrequest:bitbucket", "write:pullrequest:bitbucket"],
  webhook: ["read:webhook:bitbucket", "write:webhook:bitbucket"],
  pipeline: ["read:pipeline:bitbucket"],
  "pipeline:write": ["write:pipeline:bitbucket"],
};

/** The words Atlassian's scope picker shows beside each scope. */
export const API_TOKEN_SCOPE_WORDS: Record<string, string> = {
  "read:user:bitbucket": "View user profiles",
  "read:workspace:bitbucket": "View workspaces",
  "read:project:bitbucket": "View projects",
  "admin:project:bitbucket": "Administer projects",
  "read:repository:bitbucket": "View repositories",
  "write:repository:bitbucket": "Modify repositories",
  "admin:repository:bitbucket": "Administer repositories",
  "delete:repository:bitbucket": "Delete repositories",
  "read:pullrequest:bitbucket": "View pull requests",
  "write:pullrequest:bitbucket": "Modify pull requests",
  "read:webhook:bitbucket": "View webhooks",
  "write:webhook:bitbucket": "Modify webhooks",
  "read:pipeline:bitbucket": "View pipelines",
  "write:pipeline:bitbucket": "Modify pipelines",
};

/**
 * The API token scopes a connection needs: its permissions' equivalents, plus reading the
 * account (to verify the token and name who it is) and its workspaces (to browse them).
 */
export function apiTokenScopes(scopes: readonly string[]): string[] {
  const out = new Set(["read:user:bitbucket", "read:workspace:bitbucket"]);
  for (const s of scopes) for (const e of API_TOKEN_EQUIVALENTS[s] ?? []) out.add(e);
  const order = Object.keys(API_TOKEN_SCOPE_WORDS);
  return [...out].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export type TokenChecklistItem = { scope: string; label: string };

/** What to tick on Bitbucket's page, in its words. */
export function tokenChecklist(type: "access_token" | "api_token", scopes: readonly string[]): TokenChecklistItem[] {
  if (type === "access_token") return accessTokenScopes(scopes).map((scope) => ({ scope, label: scopeLabel(scope) }));
  return apiTokenScopes(scopes).map((scope) => ({ scope, label: API_TOKEN_SCOPE_WORDS[scope] ?? scope }));
}

const seg = (value: string) => encodeURIComponent(value.trim());

/** The Access tokens page of a repository, project or workspace, as Bitbucket lays out its settings. */
export function accessTokensPageUrl(hostUrl: string, kind: TokenResourceKind, workspace: string, key: string): string | null {
  if (!workspace.trim() || (kind !== "workspace" && !key.trim())) return null;
  if (kind === "repository") return `${hostUrl}/${seg(workspace)}/${seg(key)}/admin/access-tokens`;
  if (kind === "project") return `${hostUrl}/${seg(workspace)}/workspace/projects/${seg(key)}/settings/access-tokens`;
  return `${hostUrl}/${seg(workspace)}/workspace/settings/access-tokens`;
}

/** The account's API tokens page (Personal settings → API tokens). */
export const apiTokensPageUrl = (hostUrl: string) => `${hostUrl}/account/settings/api-tokens`;

/** Bitbucket's expiry presets; "date" is a date the admin picked there. */
export const EXPIRY_PRESETS = [90, 180, 365] as const;
export type ExpiryChoice = { preset: (typeof EXPIRY_PRESETS)[number] } | { date: string };

const DAY_MS = 86_400_000;

/** The expiry date a choice means, counted from `now` (presets) or at the end of the chosen day in UTC. */
export function expiryFrom(choice: ExpiryChoice, now: Date): Date {
  if ("preset" in choice) return new Date(now.getTime() + choice.preset * DAY_MS);
  return new Date(`${choice.date}T00:00:00.000Z`);
}

/** Days left until `end`, counting a started day as one (a 90-day token made just now has 90); 0 or less once past. */
export function daysUntil(end: Date, now: Date): number {
  const left = Math.ceil((end.getTime() - now.getTime()) / DAY_MS);
  return left === 0 ? 0 : left;
}

/** An OAuth refresh token that is not used for 3 months expires (Bitbucket, since May 2026). */
export const REFRESH_TOKEN_IDLE_DAYS = 90;

export function oauthRefreshTokenEnd(lastUse: Date): Date {
  return new Date(lastUse.getTime() + REFRESH_TOKEN_IDLE_DAYS * DAY_MS);
}
