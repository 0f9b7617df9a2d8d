import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { browseRepositories, browseWorkspaces } from "./browse";
import type { BrowseInput } from "./schemas";

/**
 * What the "Add projects" page browses, one step at a time: without a workspace, the
 * workspaces the connected account can reach; with one, one page of its repositories.
 * Owners and admins only, like adding projects.
 */
export async function browseConnection(access: OrgAccess, input: BrowseInput) {
  requireRole(access, "admin");
  if (!input.workspace) return { kind: "workspaces" as const, workspaces: await browseWorkspaces(access, input.connectionId) };
  return { kind: "repositories" as const, ...(await browseRepositories(access, { ...input, workspace: input.workspace })) };
}

export type BrowseResult = Awaited<ReturnType<typeof browseConnection>>;
