export const ORG_ROLES = ["owner", "admin", "member"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const rank: Record<OrgRole, number> = { member: 0, admin: 1, owner: 2 };

export function hasRole(role: OrgRole, atLeast: OrgRole): boolean {
  return rank[role] >= rank[atLeast];
}

export function parseOrgRole(value: string): OrgRole {
  return (ORG_ROLES as readonly string[]).includes(value) ? (value as OrgRole) : "member";
}

/** Who may change connections: owners and admins. Members only read. */
export const canManageConnections = (role: OrgRole) => hasRole(role, "admin");
