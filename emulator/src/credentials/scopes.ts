// Scope vocabularies of the two token kinds.
import type { Scope } from "../scopes.js";

/** Permission groups offered on an access token's page (the consumer's names; no Account or Workspace membership). */
export const ACCESS_TOKEN_GROUPS: readonly { group: string; options: { label: string; scope: Scope }[] }[] = [
  { group: "Repositories", options: [
    { label: "Read", scope: "repository" }, { label: "Write", scope: "repository:write" },
    { label: "Admin", scope: "repository:admin" }, { label: "Delete", scope: "repository:delete" },
  ] },
  { group: "Projects", options: [{ label: "Read", scope: "project" }, { label: "Admin", scope: "project:admin" }] },
  { group: "Pull requests", options: [{ label: "Read", scope: "pullrequest" }, { label: "Write", scope: "pullrequest:write" }] },
  { group: "Webhooks", options: [{ label: "Read and write", scope: "webhook" }] },
  { group: "Pipelines", options: [
    { label: "Read", scope: "pipeline" }, { label: "Write", scope: "pipeline:write" }, { label: "Edit variables", scope: "pipeline:variable" },
  ] },
  { group: "Runners", options: [{ label: "Read", scope: "runner" }, { label: "Write", scope: "runner:write" }] },
];

export const ACCESS_TOKEN_SCOPES: readonly Scope[] = ACCESS_TOKEN_GROUPS.flatMap((g) => g.options.map((o) => o.scope));

/** Atlassian's Bitbucket scopes for API tokens, with the words its scope picker shows. */
export const API_TOKEN_SCOPES: readonly { scope: string; label: string }[] = [
  { scope: "read:user:bitbucket", label: "View user profiles" },
  { scope: "read:workspace:bitbucket", label: "View workspaces" },
  { scope: "read:project:bitbucket", label: "View projects" },
  { scope: "admin:project:bitbucket", label: "Administer projects" },
  { scope: "read:repository:bitbucket", label: "View repositories" },
  { scope: "write:repository:bitbucket", label: "Modify repositories" },
  { scope: "admin:repository:bitbucket", label: "Administer repositories" },
  { scope: "delete:repository:bitbucket", label: "Delete repositories" },
  { scope: "read:pullrequest:bitbucket", label: "View pull requests" },
  { scope: "write:pullrequest:bitbucket", label: "Modify pull requests" },
  { scope: "read:webhook:bitbucket", label: "View webhooks" },
  { scope: "write:webhook:bitbucket", label: "Modify webhooks" },
  { scope: "read:pipeline:bitbucket", label: "View pipelines" },
  { scope: "write:pipeline:bitbucket", label: "Modify pipelines" },
];

export function isApiTokenScope(s: string): boolean {
  return API_TOKEN_SCOPES.some((x) => x.scope === s);
}

/**
 * The API token scope an endpoint needs, for the OAuth scope it is declared with. Atlassian's
 * scopes do not imply one another (write does not grant read): the stricter reading.
 */
export function apiTokenScopeFor(scope: Scope, write: boolean): string {
  switch (scope) {
    case "account":
    case "email":
      return "read:user:bitbucket";
    case "team":
      return "read:workspace:bitbucket";
    case "project":
      return "read:project:bitbucket";
    case "webhook":
      return write ? "write:webhook:bitbucket" : "read:webhook:bitbucket";
    case "repository:write":
      return "write:repository:bitbucket";
    case "repository:admin":
      return "admin:repository:bitbucket";
    case "pullrequest":
      return "read:pullrequest:bitbucket";
    default:
      return write ? "write:repository:bitbucket" : "read:repository:bitbucket";
  }
}

/** Access and API tokens are shown once; their prefixes say which kind a token is. */
export const ACCESS_TOKEN_PREFIX = "ATCTT3xFfGN0";
export const API_TOKEN_PREFIX = "ATATT3xFfGF0";
export const DEFAULT_RATE_LIMIT = 1000;
export const MAX_API_TOKEN_DAYS = 365;
export const DAY_MS = 86_400_000;
