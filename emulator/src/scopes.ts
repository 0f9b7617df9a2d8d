// Bitbucket Cloud OAuth scopes, the implied-scope table and the UI labels of the consumer form.

export const ALL_SCOPES = [
  "account", "account:write", "email", "team", "team:write", "project", "project:admin",
  "repository", "repository:write", "repository:admin", "repository:delete",
  "pullrequest", "pullrequest:write", "issue", "issue:write", "wiki",
  "snippet", "snippet:write", "webhook", "pipeline", "pipeline:write", "pipeline:variable",
  "runner", "runner:write",
] as const;

export type Scope = (typeof ALL_SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (ALL_SCOPES as readonly string[]).includes(value);
}

/** Direct implications only (the contract's table); closure() follows chains. */
export const IMPLIES: Readonly<Partial<Record<Scope, readonly Scope[]>>> = {
  "repository:write": ["repository"],
  pullrequest: ["repository"],
  "pullrequest:write": ["pullrequest", "repository:write"],
  project: ["repository"],
  "issue:write": ["issue"],
  "snippet:write": ["snippet"],
  "account:write": ["account"],
};

/** The scopes plus everything they imply, in canonical (ALL_SCOPES) order. */
export function closure(scopes: Iterable<string>): Scope[] {
  const seen = new Set<Scope>();
  const stack = [...scopes].filter(isScope);
  while (stack.length > 0) {
    const s = stack.pop() as Scope;
    if (seen.has(s)) continue;
    seen.add(s);
    for (const implied of IMPLIES[s] ?? []) stack.push(implied);
  }
  return ALL_SCOPES.filter((s) => seen.has(s));
}

export interface PermissionGroup {
  group: string;
  options: { label: string; scope: Scope }[];
}

/** The permission checkboxes as Bitbucket's Add consumer page groups them. */
export const PERMISSION_GROUPS: readonly PermissionGroup[] = [
  { group: "Account", options: [{ label: "Email", scope: "email" }, { label: "Read", scope: "account" }, { label: "Write", scope: "account:write" }] },
  { group: "Workspace membership", options: [{ label: "Read", scope: "team" }, { label: "Write", scope: "team:write" }] },
  { group: "Projects", options: [{ label: "Read", scope: "project" }, { label: "Admin", scope: "project:admin" }] },
  {
    group: "Repositories",
    options: [
      { label: "Read", scope: "repository" }, { label: "Write", scope: "repository:write" },
      { label: "Admin", scope: "repository:admin" }, { label: "Delete", scope: "repository:delete" },
    ],
  },
  { group: "Pull requests", options: [{ label: "Read", scope: "pullrequest" }, { label: "Write", scope: "pullrequest:write" }] },
  { group: "Issues", options: [{ label: "Read", scope: "issue" }, { label: "Write", scope: "issue:write" }] },
  { group: "Wikis", options: [{ label: "Read and write", scope: "wiki" }] },
  { group: "Snippets", options: [{ label: "Read", scope: "snippet" }, { label: "Write", scope: "snippet:write" }] },
  { group: "Webhooks", options: [{ label: "Read and write", scope: "webhook" }] },
  {
    group: "Pipelines",
    options: [
      { label: "Read", scope: "pipeline" }, { label: "Write", scope: "pipeline:write" },
      { label: "Edit variables", scope: "pipeline:variable" },
    ],
  },
  { group: "Runners", options: [{ label: "Read", scope: "runner" }, { label: "Write", scope: "runner:write" }] },
];

/** "Repositories: Admin" for "repository:admin". */
export function scopeLabel(scope: string): string {
  for (const g of PERMISSION_GROUPS) {
    const o = g.options.find((opt) => opt.scope === scope);
    if (o) return `${g.group}: ${o.label}`;
  }
  return scope;
}

/** True when the granted scopes (closed over implications) include the required one. */
export function hasScope(granted: readonly string[], required: Scope): boolean {
  return closure(granted).includes(required);
}
