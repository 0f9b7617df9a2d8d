import { useRef } from "react";
import { FailureNotice } from "@/components/form-failure";
import { SelectField, TextField } from "@/components/form-fields";
import { RepositoryPicker, type PickerRepository } from "@/components/repository-picker";
import { card, secondaryButton } from "@/components/styles";
import { failureOf, type Sort } from "./browse";
import type { RepositoryBrowser } from "./use-repository-browser";

/** One page of a workspace's repositories to pick from, with search, sort and paging. */
export function RepositoriesSection({
  orgSlug,
  browser,
  selected,
  onToggle,
}: {
  orgSlug: string;
  browser: RepositoryBrowser;
  selected: Set<string>;
  onToggle: (repository: PickerRepository, checked: boolean) => void;
}) {
  const data = browser.repositoriesQuery.data;
  const pageCount = data?.total != null ? Math.max(1, Math.ceil(data.total / data.pageSize)) : null;
  const busy = browser.repositoriesQuery.isFetching;
  const top = useRef<HTMLElement>(null);
  // A new page starts at the top of the list, not where the last one ended.
  const goTo = (page: number) => {
    browser.setPage(page);
    top.current?.scrollIntoView({ block: "start" });
  };
  return (
    <section ref={top} aria-labelledby="repositories-heading" className={`${card} scroll-mt-4`}>
      <h2 id="repositories-heading" className="mb-3 font-semibold">
        Repositories in {browser.workspace}
      </h2>
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <TextField
          id="repository-search"
          label="Search repositories"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder="Part of a repository name"
          value={browser.searchText}
          onChange={(event) => browser.setSearchText(event.target.value)}
        />
        <SelectField
          id="repository-sort"
          label="Sort by"
          value={browser.sort}
          onChange={(event) => browser.setSort(event.target.value as Sort)}
        >
          <option value="-updated_on">Recently updated</option>
          <option value="name">Name</option>
        </SelectField>
      </div>

      <div className="mt-4">
        {browser.repositoriesQuery.isError && !data ? <FailureNotice failure={failureOf(browser.repositoriesQuery.error)} /> : null}
        {browser.repositoriesQuery.isPending ? <p className="py-6 text-sm text-slate-600">Loading repositories…</p> : null}
        {data ? (
          <>
            {browser.repositoriesQuery.isError ? <FailureNotice failure={failureOf(browser.repositoriesQuery.error)} /> : null}
            {data.repositories.length === 0 ? (
              <p className="py-6 text-sm text-slate-600">
                {browser.search ? `No repository in ${browser.workspace} has “${browser.search}” in its name.` : `${browser.workspace} has no repositories this account can see.`}
              </p>
            ) : (
              <RepositoryPicker
                label={`Repositories in ${browser.workspace}`}
                repositories={data.repositories}
                selected={selected}
                onToggle={onToggle}
                projectHref={(id) => `/orgs/${orgSlug}/projects/${id}`}
                busy={busy}
              />
            )}
            <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3">
              <button
                type="button"
                className={secondaryButton}
                disabled={data.page <= 1 || browser.repositoriesQuery.isPlaceholderData}
                onClick={() => goTo(Math.max(1, data.page - 1))}
              >
                Previous
              </button>
              <p data-testid="page-status" aria-live="polite" className="text-sm text-slate-600">
                Page {data.page}
                {pageCount !== null ? ` of ${pageCount}` : ""}
                {data.total !== null ? ` · ${data.total.toLocaleString("en")} ${data.total === 1 ? "repository" : "repositories"}` : ""}
                {busy ? " · loading…" : ""}
              </p>
              <button
                type="button"
                className={secondaryButton}
                disabled={!data.hasNext || browser.repositoriesQuery.isPlaceholderData}
                onClick={() => goTo(data.page + 1)}
              >
                Next
              </button>
            </nav>
            {pageCount !== null && pageCount > 3 && !browser.search ? (
              <p className="mt-2 text-sm text-slate-500">Looking for one repository? Search above finds it on any page.</p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
