// What an access token's resource covers: its repository, its project's repositories, or its workspace's.
import type { SeedRepo } from "../repos.js";
import type { ResourceAccessToken } from "./types.js";

export function tokenCovers(t: ResourceAccessToken, workspace: string, r: SeedRepo): boolean {
  if (t.workspace !== workspace) return false;
  if (t.kind === "repository") return r.slug === t.repoSlug;
  if (t.kind === "project") return r.projectKey === t.projectKey;
  return true;
}
