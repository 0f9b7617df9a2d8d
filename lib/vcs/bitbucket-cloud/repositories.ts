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

/** Bitbucket's filter for exactly these repositories (by full name), for a second look at one page. */
export function fullNameFilter(fullNames: string[]): string {
  return fullNames.map((name) => `full_name = "${name.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(" OR ");
}

/**
 * Which of these repositories the account administers (`role=admin`): only admins can add
 * webhooks, so the others cannot become projects with a working hook.
 */
export async function administeredRepositories(apiUrl: string, token: ApiAuth, workspace: string, fullNames: string[]): Promise<Set<string>> {
  if (fullNames.length === 0) return new Set();
  const params = new URLSearchParams({ role: "admin", pagelen: String(Math.min(100, fullNames.length)), q: fullNameFilter(fullNames) });
  const page = await getJson(`${apiUrl}/repositories/${pathSegment(workspace, "workspace")}?${params}`, token, repositoryPage);
  return new Set(page.values.map((repository) => repository.full_name));
}

export function getRepository(apiUrl: string, token: ApiAuth, workspace: string, slug: string) {
  return getJson(`${apiUrl}/repositories/${pathSegment(workspace, "workspace")}/${pathSegment(slug, "repository")}`, token, repositorySchema);
}
