import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { withAccessToken } from "@/lib/connections/with-access-token";
import { db } from "@/lib/db";
import { projectFilter } from "@/lib/vcs/bitbucket-cloud/credentials";
import { administeredRepositories, listRepositories, listWorkspaces } from "@/lib/vcs/bitbucket-cloud/repositories";
import type { BrowseInput } from "./schemas";
import { usableConnection } from "./usable-connection";

const PAGE_SIZE = 25;

/** An access token of a project or repository lists only its own repositories. */
function tokenFilter(connection: { credentialType: string; tokenResourceKind: string | null; tokenResourceKey: string | null }): string | null {
  if (connection.credentialType !== "access_token" || !connection.tokenResourceKey) return null;
  if (connection.tokenResourceKind === "project") return projectFilter(connection.tokenResourceKey);
  if (connection.tokenResourceKind === "repository") return `slug = "${connection.tokenResourceKey.replace(/"/g, '\\"')}"`;
  return null;
}

/** The workspaces the connected Bitbucket account can reach (first 100; accounts rarely have more). */
export async function browseWorkspaces(access: OrgAccess, connectionId: string) {
  const connection = await usableConnection(access, connectionId);
  // An access token cannot list workspaces (Bitbucket refuses /user/workspaces to it): it has exactly one.
  if (connection.credentialType === "access_token" && connection.tokenWorkspace) {
    return [{ slug: connection.tokenWorkspace, name: connection.tokenWorkspace, administrator: false }];
  }
  const page = await withAccessToken(connection.id, (token) => listWorkspaces(connection.apiUrl, token, { pagelen: 100 }));
  return page.values.map((access) => ({ slug: access.workspace.slug, name: access.workspace.name ?? access.workspace.slug, administrator: access.administrator ?? false }));
}

/**
 * One page of a workspace's repositories, searched and sorted by Bitbucket, marked if already
 * a project and whether the account administers it (webhooks need admin; a second request
 * for just this page's repositories with `role=admin`).
 */
export async function browseRepositories(access: OrgAccess, input: BrowseInput & { workspace: string }) {
  const connection = await usableConnection(access, input.connectionId);
  const page = await withAccessToken(connection.id, (token) =>
    listRepositories(connection.apiUrl, token, input.workspace, {
      page: input.page,
      pagelen: PAGE_SIZE,
      search: input.search,
      sort: input.sort,
      filter: tokenFilter(connection) ?? undefined,
    }),
  );
  const administered = await withAccessToken(connection.id, (token) =>
    administeredRepositories(connection.apiUrl, token, input.workspace, page.values.map((repo) => repo.full_name)),
  );
  const existing = await db().project.findMany({
    where: { connectionId: connection.id, repositoryUuid: { in: page.values.map((r) => r.uuid) } },
    select: { repositoryUuid: true, id: true },
  });
  const projectByRepo = new Map(existing.map((p) => [p.repositoryUuid, p.id]));
  return {
    page: input.page,
    pageSize: PAGE_SIZE,
    total: page.size ?? null,
    hasNext: Boolean(page.next),
    repositories: page.values.map((repo) => ({
      uuid: repo.uuid,
      slug: repo.slug ?? repo.full_name.split("/")[1] ?? repo.name,
      name: repo.name,
      fullName: repo.full_name,
      isPrivate: repo.is_private,
      mainBranch: repo.mainbranch?.name ?? null,
      updatedOn: repo.updated_on ?? null,
      projectId: projectByRepo.get(repo.uuid) ?? null,
      canAdminister: administered.has(repo.full_name),
    })),
  };
}
