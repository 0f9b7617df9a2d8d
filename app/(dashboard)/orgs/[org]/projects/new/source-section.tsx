import { FailureNotice } from "@/components/form-failure";
import { SelectField } from "@/components/form-fields";
import { card } from "@/components/styles";
import { failureOf } from "./browse";
import type { RepositoryBrowser } from "./use-repository-browser";

export type ConnectionOption = { id: string; name: string; statusLabel: string };

/** Where the repositories come from: a connection, then one of its account's workspaces. */
export function SourceSection({ connections, browser }: { connections: ConnectionOption[]; browser: RepositoryBrowser }) {
  return (
    <section aria-labelledby="source-heading" className={card}>
      <h2 id="source-heading" className="mb-3 font-semibold">
        Where from
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="browse-connection" label="Connection" value={browser.connectionId} onChange={(event) => browser.chooseConnection(event.target.value)}>
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
          value={browser.workspace}
          disabled={!browser.connectionId || browser.workspacesQuery.isPending}
          description={browser.workspacesQuery.isFetching ? "Loading workspaces…" : undefined}
          onChange={(event) => browser.chooseWorkspace(event.target.value)}
        >
          {browser.workspaces.length !== 1 ? <option value="">{browser.workspacesQuery.isPending ? "…" : "Choose a workspace…"}</option> : null}
          {browser.workspaces.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.name === option.slug ? option.slug : `${option.name} (${option.slug})`}
            </option>
          ))}
        </SelectField>
      </div>
      {browser.workspacesQuery.isError ? (
        <div className="mt-4">
          <FailureNotice failure={failureOf(browser.workspacesQuery.error)} />
        </div>
      ) : null}
      {browser.workspacesQuery.isSuccess && browser.workspaces.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">This Bitbucket account belongs to no workspace.</p>
      ) : null}
    </section>
  );
}
