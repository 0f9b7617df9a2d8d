import { AppError } from "@/lib/errors/app-error";
import { hasRole, type OrgRole } from "@/lib/access/roles";
import type { OrgAccess } from "./actor";

/** What an API token may be allowed to do, chosen when it is created. */
export const API_SCOPES = ["connections:read", "connections:write", "connections:use"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_INFO: Record<ApiScope, { label: string; description: string }> = {
  "connections:read": { label: "Read connections", description: "List connections and read their status." },
  "connections:write": { label: "Change connections", description: "Create, change and delete connections." },
  "connections:use": {
    label: "Use connections",
    description: "Get a Bitbucket access token from a connection, and call Bitbucket through it.",
  },
};

/**
 * Every action the API exposes, with the scope a token needs for it and the role its
 * creator must hold. A request needs both: a token never does more than its creator
 * may, nor more than it was made for. Sessions carry every scope.
 */
export const PERMISSIONS = {
  "connections.read": { scope: "connections:read", role: "member" },
  "connections.write": { scope: "connections:write", role: "admin" },
  // Handing out Bitbucket credentials is for those who manage connections.
  "connections.use": { scope: "connections:use", role: "admin" },
} as const satisfies Record<string, { scope: ApiScope; role: OrgRole }>;
export type Permission = keyof typeof PERMISSIONS;

/** Writing implies reading, as a person who may change connections may also see them. */
export function normalizeApiScopes(scopes: readonly ApiScope[]): ApiScope[] {
  const set = new Set(scopes);
  if (set.has("connections:write")) set.add("connections:read");
  return API_SCOPES.filter((scope) => set.has(scope));
}

export function parseApiScopes(value: string): ApiScope[] {
  return normalizeApiScopes(value.split(/\s+/).filter((scope): scope is ApiScope => (API_SCOPES as readonly string[]).includes(scope)));
}

export function hasScope(access: OrgAccess, scope: ApiScope): boolean {
  return access.limits ? access.limits.scopes.includes(scope) : true;
}

/** The caller's role, and for a token its scopes, allow this action; else 403 naming what is missing. */
export function requirePermission(access: OrgAccess, permission: Permission): void {
  const { scope, role } = PERMISSIONS[permission];
  if (!hasRole(access.role, role)) throw new AppError("forbidden");
  if (!hasScope(access, scope)) throw new AppError("token_scope_missing", { detail: scope });
}

/** A token limited to named connections reaches only those (and cannot create others). */
export function requireConnectionAllowed(access: OrgAccess, connectionId: string | null): void {
  const allowed = access.limits?.connectionIds;
  if (!allowed) return;
  if (connectionId === null || !allowed.includes(connectionId)) throw new AppError("token_connection_not_allowed");
}
