import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { browse, BrowseError, type RepositoryPage, type Sort, type Workspaces } from "./browse";
import { UNREACHABLE } from "@/components/form-failure";

const SEARCH_DELAY_MS = 300;

/**
 * The state of browsing: the connection, its workspaces, and one page of a workspace's
 * repositories, searched (once the person pauses typing) and sorted by Bitbucket.
 */
export function useRepositoryBrowser(orgSlug: string, connections: { id: string }[], onSourceChange: () => void) {
  const [connectionId, setConnectionId] = useState(connections.length === 1 ? connections[0]!.id : "");
  const [chosenWorkspace, setChosenWorkspace] = useState("");
  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<Sort>("-updated_on");
  const [page, setPage] = useState(1);

  const workspacesQuery = useQuery({
    queryKey: ["projects-browse", orgSlug, connectionId, "workspaces"],
    queryFn: async () => {
      const result = await browse(orgSlug, { connectionId });
      return result.kind === "workspaces" ? result.workspaces : ([] as Workspaces);
    },
    enabled: connectionId !== "",
    staleTime: 60_000,
    retry: false,
  });
  const workspaces = workspacesQuery.data ?? [];
  const workspace = chosenWorkspace || (workspaces.length === 1 ? workspaces[0]!.slug : "");

  const repositoriesQuery = useQuery({
    queryKey: ["projects-browse", orgSlug, connectionId, "repositories", workspace, search, sort, page],
    queryFn: async () => {
      const result = await browse(orgSlug, { connectionId, workspace, search, sort, page });
      if (result.kind !== "repositories") throw new BrowseError(UNREACHABLE);
      return result as RepositoryPage;
    },
    enabled: connectionId !== "" && workspace !== "",
    // Keep showing the last page of the same workspace while the next one loads.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === connectionId && previousQuery.queryKey[4] === workspace ? keepPreviousData(previous) : undefined,
    staleTime: 30_000,
    retry: false,
  });

  // Search as the person types, once they pause.
  useEffect(() => {
    const next = searchText.trim();
    if (next === search) return;
    const timer = setTimeout(() => {
      setSearch(next);
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, search]);

  function chooseWorkspace(slug: string) {
    setChosenWorkspace(slug);
    setSearchText("");
    setSearch("");
    setPage(1);
    onSourceChange();
  }

  return {
    connectionId,
    chooseConnection: (id: string) => {
      setConnectionId(id);
      chooseWorkspace("");
    },
    workspacesQuery,
    workspaces,
    workspace,
    chooseWorkspace,
    repositoriesQuery,
    searchText,
    setSearchText,
    search,
    sort,
    setSort: (next: Sort) => {
      setSort(next);
      setPage(1);
    },
    setPage,
  };
}

export type RepositoryBrowser = ReturnType<typeof useRepositoryBrowser>;
