import "server-only";
import { getJson, pathSegment, type ApiAuth } from "./api-client";
import { pageOf, repositorySchema, workspaceAccessSchema } from "./schemas";

export type RepositorySort = "name" | "-updated_on";
export type PageQuery = { page?: number; pagelen?: number };

const workspacePage = pageOf(workspaceAccessSchema);
const repositoryPage = pageOf(repositorySchema);

/** One page of the workspaces the account can reach. */
export function listWorkspaces(apiUrl: string, token: ApiAuth, query: PageQuery = {}) {
  const params = new URLSearchParams({ page: String(query.page ?? 1), pagelen: String(query.pagelen ?? 50) });
  return getJson(`${apiUrl}/user/workspaces?${params}`, token, workspacePage);
}

/** Bitbucket's filter language quotes strings with double quotes; escape what the person typed. */
export function nameFilter(search: string): string {
  return `name ~ "${search.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * One page of a workspace's repositories: paging, search and sort happen on Bitbucket,
 * so a workspace with thousands of repositories costs one request per page shown.
 */
export function listRepositories(
  apiUrl: string,
  token: ApiAuth,
  workspace: string,
  query: PageQuery & { search?: string; sort?: RepositorySort; filter?: string } = {},
) {
  const params = new URLSearchParams({
    page: String(query.page ?? 1),
    pagelen: String(query.pagelen ?? 25),
    sort: query.sort ?? "-updated_on",
  });
  const filters = [query.filter, query.search?.trim() ? nameFilter(query.search.trim()) : undefined].filter(Boolean);
  if (filters.length > 0) params.set("q", filters.join(" AND "));
  return getJson(`${apiUrl}/repositories/${pathSegment(workspace, "workspace")}?${params}`, token, repositoryPage);
}

export function getRepository(apiUrl: string, token: ApiAuth, workspace: string, slug: string) {
  return getJson(`${apiUrl}/repositories/${pathSegment(workspace, "workspace")}/${pathSegment(slug, "repository")}`, token, repositorySchema);
}
