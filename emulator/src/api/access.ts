// Who may do what on a repository: members read (every third repository: write), admins administer.
import { reposOf, type SeedRepo } from "../repos.js";
import { findWorkspace, type SeedWorkspace } from "../seed.js";
import type { Principal } from "./auth.js";
import { tokenCovers } from "../credentials/resource.js";

export type Permission = "read" | "write" | "admin";

const RANK: Record<Permission, number> = { read: 1, write: 2, admin: 3 };

/** A signed-in user's permission on a repository, or null without access. */
export function userPermission(username: string, ws: SeedWorkspace, r: SeedRepo): Permission | null {
  const role = ws.members[username];
  if (role === "admin") return "admin";
  if (role === "member") return r.index % 3 === 0 ? "write" : "read";
  return null;
}

/** The principal's permission on a repository, or null without access. */
export function permissionOn(p: Principal, ws: SeedWorkspace, r: SeedRepo): Permission | null {
  if (p.kind === "access_token") return tokenCovers(p.accessToken, ws.slug, r) ? "admin" : null;
  if (p.user === null) return p.consumer.workspace === ws.slug ? "admin" : null;
  return userPermission(p.user.username, ws, r);
}

/** Whether the principal may see the workspace at all (listing its repositories). */
export function seesWorkspace(p: Principal, ws: SeedWorkspace): boolean {
  if (p.kind === "access_token") return p.accessToken.workspace === ws.slug;
  if (p.user === null) return p.consumer.workspace === ws.slug;
  return ws.members[p.user.username] !== undefined;
}

export function atLeast(have: Permission | null, need: Permission): boolean {
  return have !== null && RANK[have] >= RANK[need];
}

export function findRepo(workspace: string, slug: string): { ws: SeedWorkspace; repo: SeedRepo } | undefined {
  const ws = findWorkspace(workspace);
  const repo = ws ? reposOf(ws.slug).find((r) => r.slug === slug) : undefined;
  return ws && repo ? { ws, repo } : undefined;
}

/** Who acts when a trigger names nobody: the owner, else the first admin, else the first member who may write. */
export function defaultActor(ws: SeedWorkspace, r: SeedRepo): string | undefined {
  const members = Object.keys(ws.members);
  const candidates = [ws.owner, ...members.filter((u) => ws.members[u] === "admin"), ...members];
  return candidates.find((u): u is string => u !== null && atLeast(userPermission(u, ws, r), "write"));
}
