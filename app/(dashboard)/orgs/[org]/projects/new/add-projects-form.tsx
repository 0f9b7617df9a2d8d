"use client";

import { FailureNotice, UNREACHABLE } from "@/components/form-failure";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { SelectField, TextField } from "@/components/form-fields";
import { Notice } from "@/components/notice";
import { RepositoryPicker, type PickerRepository } from "@/components/repository-picker";
import type { Failure } from "@/lib/errors/to-failure";
import type { BrowseResult } from "@/lib/projects/browse-connection";
import { DEFAULT_EVENTS, WEBHOOK_EVENTS } from "@/lib/projects/schemas";
import { addProjectsAction } from "../actions";
import { card, primaryButton, secondaryButton } from "@/components/styles";

type ConnectionOption = { id: string; name: string; statusLabel: string };
type Sort = "name" | "-updated_on";
type Workspaces = Extract<BrowseResult, { kind: "workspaces" }>["workspaces"];
type RepositoryPage = Extract<BrowseResult, { kind: "repositories" }>;
type Outcome = { slug: string; fullName: string; projectId: string | null; hook: "registered" | "failed" | null; error: Failure | null };

const SEARCH_DELAY_MS = 300;

class BrowseError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/** One request to the browse route: a connection's workspaces, or one page of a workspace's repositories. */
async function browse(orgSlug: string, query: Record<string, string | number | undefined>): Promise<BrowseResult> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  let response: Response;
  try {
    response = await fetch(`/api/orgs/${encodeURIComponent(orgSlug)}/projects/browse?${params}`, { cache: "no-store" });
  } catch {
    throw new BrowseError(UNREACHABLE);
  }
  const body = (await response.json().catch(() => null)) as { data?: BrowseResult; error?: Failure } | null;
  if (!response.ok || !body?.data) throw new BrowseError(body?.error ?? { ...UNREACHABLE, message: `The server answered ${response.status}.` });
  return body.data;
}

const failureOf = (error: unknown): Failure => (error instanceof BrowseError ? error.failure : UNREACHABLE);


/**
 * Browsing a connection's repositories page by page (each page is one request to
 * Bitbucket, searched and sorted there), picking several, and adding them as projects.
 */
export function AddProjectsForm({ orgSlug, connections }: { orgSlug: string; connections: ConnectionOption[] }) {
  const queryClient = useQueryClient();
  const [connectionId, setConnectionId] = useState(connections.length === 1 ? connections[0]!.id : "");
  const [chosenWorkspace, setChosenWorkspace] = useState("");
  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<Sort>("-updated_on");
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Map<string, PickerRepository>>(() => new Map());
  const [events, setEvents] = useState<Set<string>>(() => new Set(DEFAULT_EVENTS));
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

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

  const mutation = useMutation({
    mutationFn: (input: { connectionId: string; workspace: string; repositories: string[]; events: string[] }) => addProjectsAction(orgSlug, input),
    onSuccess: (result) => {
      if (!result.ok) return;
      setOutcomes(
        result.data.map((outcome) => ({ ...outcome, fullName: selected.get(outcome.slug)?.fullName ?? `${workspace}/${outcome.slug}` })),
      );
      setSelected(new Map());
      void queryClient.invalidateQueries({ queryKey: ["projects-browse", orgSlug, connectionId, "repositories"] });
    },
  });
  const actionFailure = mutation.data?.ok === false ? mutation.data.error : undefined;

  function chooseConnection(id: string) {
    setConnectionId(id);
    chooseWorkspace("");
  }

  function chooseWorkspace(slug: string) {
    setChosenWorkspace(slug);
    setSearchText("");
    setSearch("");
    setPage(1);
    setSelected(new Map());
  }

  function toggle(repository: PickerRepository, checked: boolean) {
    setSelected((current) => {
      const next = new Map(current);
      if (checked) next.set(repository.slug, repository);
      else next.delete(repository.slug);
      return next;
    });
  }

  function toggleEvent(key: string, checked: boolean) {
    setEvents((current) => {
      const next = new Set(current);
      if (checked) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcomes(null);
    mutation.mutate({ connectionId, workspace, repositories: [...selected.keys()], events: WEBHOOK_EVENTS.map((e) => e.key).filter((key) => events.has(key)) });
  }

  const data = repositoriesQuery.data;
  const pageCount = data?.total != null ? Math.max(1, Math.ceil(data.total / data.pageSize)) : null;
  const count = selected.size;
  const busy = repositoriesQuery.isFetching;

  return (
    <div className="space-y-6">
      {outcomes ? <Outcomes orgSlug={orgSlug} outcomes={outcomes} /> : null}

      <form onSubmit={submit} noValidate className="space-y-6">
        <section aria-labelledby="source-heading" className={card}>
          <h2 id="source-heading" className="mb-3 font-semibold">
            Where from
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField id="browse-connection" label="Connection" value={connectionId} onChange={(event) => chooseConnection(event.target.value)}>
              {connections.length > 1 ? <option value="">Choose a connection…</option> : null}
              {connections.map((connection) => (
                <option key={connection.id} value={connection.id}>
                  {connection.name} ({connection.statusLabel})
                </option>
              ))}
            </SelectField>
            <SelectField
              id="browse-workspace"
              label="Workspace"
              value={workspace}
              disabled={!connectionId || workspacesQuery.isPending}
              description={workspacesQuery.isFetching ? "Loading workspaces…" : undefined}
              onChange={(event) => chooseWorkspace(event.target.value)}
            >
              {workspaces.length !== 1 ? <option value="">{workspacesQuery.isPending ? "…" : "Choose a workspace…"}</option> : null}
              {workspaces.map((option) => (
                <option key={option.slug} value={option.slug}>
                  {option.name === option.slug ? option.slug : `${option.name} (${option.slug})`}
                </option>
              ))}
            </SelectField>
          </div>
          {workspacesQuery.isError ? (
            <div className="mt-4">
              <FailureNotice failure={failureOf(workspacesQuery.error)} />
            </div>
          ) : null}
          {workspacesQuery.isSuccess && workspaces.length === 0 ? (
            <p className="mt-4 text-sm text-slate-600">This Bitbucket account belongs to no workspace.</p>
          ) : null}
        </section>

        {workspace ? (
          <section aria-labelledby="repositories-heading" className={card}>
            <h2 id="repositories-heading" className="mb-3 font-semibold">
              Repositories in {workspace}
            </h2>
            <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
              <TextField
                id="repository-search"
                label="Search repositories"
                type="search"
                autoComplete="off"
                spellCheck={false}
                placeholder="Part of a repository name"
                value={searchText}
                onChange={(event) => setSearchText(event.target.value)}
              />
              <SelectField
                id="repository-sort"
                label="Sort by"
                value={sort}
                onChange={(event) => {
                  setSort(event.target.value as Sort);
                  setPage(1);
                }}
              >
                <option value="-updated_on">Recently updated</option>
                <option value="name">Name</option>
              </SelectField>
            </div>

            <div className="mt-4">
              {repositoriesQuery.isError && !data ? <FailureNotice failure={failureOf(repositoriesQuery.error)} /> : null}
              {repositoriesQuery.isPending ? <p className="py-6 text-sm text-slate-600">Loading repositories…</p> : null}
              {data ? (
                <>
                  {repositoriesQuery.isError ? <FailureNotice failure={failureOf(repositoriesQuery.error)} /> : null}
                  {data.repositories.length === 0 ? (
                    <p className="py-6 text-sm text-slate-600">
                      {search ? `No repository in ${workspace} has “${search}” in its name.` : `${workspace} has no repositories this account can see.`}
                    </p>
                  ) : (
                    <RepositoryPicker
                      label={`Repositories in ${workspace}`}
                      repositories={data.repositories}
                      selected={new Set(selected.keys())}
                      onToggle={toggle}
                      projectHref={(id) => `/orgs/${orgSlug}/projects/${id}`}
                      busy={busy}
                    />
                  )}
                  <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3">
                    <button
                      type="button"
                      className={secondaryButton}
                      disabled={data.page <= 1 || repositoriesQuery.isPlaceholderData}
                      onClick={() => setPage(Math.max(1, data.page - 1))}
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
                      disabled={!data.hasNext || repositoriesQuery.isPlaceholderData}
                      onClick={() => setPage(data.page + 1)}
                    >
                      Next
                    </button>
                  </nav>
                </>
              ) : null}
            </div>
          </section>
        ) : null}

        {workspace ? (
          <section aria-labelledby="events-heading" className={card}>
            <fieldset>
              <legend id="events-heading" className="font-semibold">
                Webhook events
              </legend>
              <p className="mt-1 mb-3 text-sm text-slate-600">What Bitbucket sends to each new project&apos;s webhook.</p>
              <div className="grid gap-2 sm:grid-cols-2">
                {WEBHOOK_EVENTS.map((event) => (
                  <label key={event.key} className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
                      checked={events.has(event.key)}
                      onChange={(change) => toggleEvent(event.key, change.target.checked)}
                    />
                    <span>
                      {event.label} <code className="text-xs text-slate-500">{event.key}</code>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </section>
        ) : null}

        {workspace ? (
          <div className="space-y-3">
            {actionFailure ? <FailureNotice failure={actionFailure} /> : null}
            {mutation.isError ? <FailureNotice failure={UNREACHABLE} /> : null}
            <p role="status" className="text-sm text-slate-600">
              {count === 0
                ? "No repository chosen yet."
                : `Chosen: ${[...selected.values()].map((repository) => repository.name).join(", ")}`}
              {events.size === 0 ? " Choose at least one webhook event." : ""}
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="submit" className={primaryButton} disabled={count === 0 || events.size === 0 || mutation.isPending}>
                {mutation.isPending ? "Adding…" : `Add ${count} ${count === 1 ? "project" : "projects"}`}
              </button>
              {count > 0 ? (
                <button type="button" className={secondaryButton} disabled={mutation.isPending} onClick={() => setSelected(new Map())}>
                  Clear selection
                </button>
              ) : null}
            </div>
          </div>
        ) : null}
      </form>
    </div>
  );
}

/** What happened to each repository: webhook registered, or why not, with a link to each project. */
function Outcomes({ orgSlug, outcomes }: { orgSlug: string; outcomes: Outcome[] }) {
  const registered = outcomes.filter((outcome) => outcome.hook === "registered").length;
  const tone = registered === outcomes.length ? "border-emerald-200 bg-emerald-50" : "border-amber-200 bg-amber-50";
  return (
    <section aria-labelledby="outcomes-heading" role="status" className={`rounded-xl border p-4 sm:p-5 ${tone}`}>
      <h2 id="outcomes-heading" className="font-semibold">
        {registered === outcomes.length
          ? `${registered === 1 ? "1 project" : `${registered} projects`} added`
          : `${registered} of ${outcomes.length} added with a working webhook`}
      </h2>
      <ul aria-label="Added repositories" className="mt-3 space-y-3">
        {outcomes.map((outcome) => (
          <li key={outcome.slug} data-testid="add-outcome" className="rounded-lg bg-white p-3 text-sm">
            <p className="font-medium break-words">
              {outcome.projectId ? (
                <Link href={`/orgs/${orgSlug}/projects/${outcome.projectId}`} className="text-brand-700 hover:underline">
                  {outcome.fullName}
                </Link>
              ) : (
                outcome.fullName
              )}
            </p>
            {outcome.hook === "registered" ? (
              <p className="text-emerald-800">Webhook registered.</p>
            ) : (
              <div className="mt-1 text-red-900">
                <p>
                  {outcome.hook === "failed" ? "Project added, but its webhook could not be registered: " : "Not added: "}
                  <strong>{outcome.error?.message ?? "Something went wrong."}</strong>
                </p>
                {outcome.error?.hint ? <p className="mt-1">{outcome.error.hint}</p> : null}
                {outcome.hook === "failed" ? <p className="mt-1">Fix the cause, then use Retry webhook registration on the project&apos;s page.</p> : null}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
