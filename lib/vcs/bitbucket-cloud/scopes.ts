/**
 * Bitbucket Cloud's OAuth scopes with the labels its consumer form uses, and the
 * implications between them (holding the key grants the values too).
 */
export const SCOPES = [
  { scope: "email", group: "Account", label: "Email" },
  { scope: "account", group: "Account", label: "Read" },
  { scope: "account:write", group: "Account", label: "Write" },
  { scope: "team", group: "Workspace membership", label: "Read" },
  { scope: "team:write", group: "Workspace membership", label: "Write" },
  { scope: "project", group: "Projects", label: "Read" },
  { scope: "project:admin", group: "Projects", label: "Admin" },
  { scope: "repository", group: "Repositories", label: "Read" },
  { scope: "repository:write", group: "Repositories", label: "Write" },
  { scope: "repository:admin", group: "Repositories", label: "Admin" },
  { scope: "repository:delete", group: "Repositories", label: "Delete" },
  { scope: "pullrequest", group: "Pull requests", label: "Read" },
  { scope: "pullrequest:write", group: "Pull requests", label: "Write" },
  { scope: "issue", group: "Issues", label: "Read" },
  { scope: "issue:write", group: "Issues", label: "Write" },
  { scope: "wiki", group: "Wikis", label: "Read and write" },
  { scope: "snippet", group: "Snippets", label: "Read" },
  { scope: "snippet:write", group: "Snippets", label: "Write" },
  { scope: "webhook", group: "Webhooks", label: "Read and write" },
  { scope: "pipeline", group: "Pipelines", label: "Read" },
  { scope: "pipeline:write", group: "Pipelines", label: "Write" },
  { scope: "pipeline:variable", group: "Pipelines", label: "Edit variables" },
  { scope: "runner", group: "Runners", label: "Read" },
  { scope: "runner:write", group: "Runners", label: "Write" },
] as const;

export type BitbucketScope = (typeof SCOPES)[number]["scope"];
export const SCOPE_NAMES = SCOPES.map((s) => s.scope) as [BitbucketScope, ...BitbucketScope[]];

const IMPLIES: Partial<Record<BitbucketScope, BitbucketScope[]>> = {
  "repository:write": ["repository"],
  pullrequest: ["repository"],
  "pullrequest:write": ["pullrequest", "repository:write"],
  project: ["repository"],
  "issue:write": ["issue"],
  "snippet:write": ["snippet"],
  "account:write": ["account"],
};

const byName = new Map<string, (typeof SCOPES)[number]>(SCOPES.map((s) => [s.scope, s]));

export function isBitbucketScope(value: string): value is BitbucketScope {
  return byName.has(value);
}

/** "Repositories: Admin" — the checkbox a person ticks on Bitbucket. */
export function scopeLabel(scope: string): string {
  const entry = byName.get(scope);
  return entry ? `${entry.group}: ${entry.label}` : scope;
}

/** Everything a set of scopes grants, implications followed transitively. */
export function expandScopes(scopes: Iterable<string>): Set<string> {
  const granted = new Set<string>();
  const pending = [...scopes];
  while (pending.length > 0) {
    const scope = pending.pop()!;
    if (granted.has(scope)) continue;
    granted.add(scope);
    pending.push(...(IMPLIES[scope as BitbucketScope] ?? []));
  }
  return granted;
}

/** Required scopes a grant does not cover, in the form's order. */
export function missingScopes(required: Iterable<string>, granted: Iterable<string>): string[] {
  const have = expandScopes(granted);
  const need = new Set(required);
  return SCOPE_NAMES.filter((scope) => need.has(scope) && !have.has(scope));
}

/** Bitbucket sends scopes space-separated (`scope`, or `scopes` before May 2026). */
export function parseScopeList(value: string | undefined | null): string[] {
  return (value ?? "").split(/[\s,]+/).filter(Boolean);
}

/** Canonical form for storage: known scopes only, in the form's order, once each. */
export function normalizeScopes(scopes: Iterable<string>): BitbucketScope[] {
  const set = new Set(scopes);
  return SCOPE_NAMES.filter((scope) => set.has(scope));
}
