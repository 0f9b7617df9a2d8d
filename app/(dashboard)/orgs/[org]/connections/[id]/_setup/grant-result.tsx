import Link from "next/link";
import { PermissionChecklist } from "@/components/permission-checklist";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { permissionChecklist } from "@/lib/vcs/bitbucket-cloud/permission-checklist";
import { ConnectLink } from "./connect-panels";

/**
 * What `?result=connected` or `?result=missing_permissions` reports, once the stored
 * status agrees: what happened and what to do next. The account and the permissions are
 * shown once, under Health.
 */
export function GrantResult({ view, orgSlug, canManage }: { view: ConnectionView; orgSlug: string; canManage: boolean }) {
  if (view.status === "connected") {
    return (
      <section aria-labelledby="result-heading" data-testid="connect-result" className="mb-6 rounded-xl border border-emerald-200 bg-emerald-50 p-4 sm:p-5">
        <h2 id="result-heading" className="text-lg font-semibold text-emerald-900">
          Connected
        </h2>
        <p className="mt-1 text-sm text-emerald-900">
          Bitbucket granted access with every permission this connection needs, and the first check passed. Next:{" "}
          <Link href={`/orgs/${orgSlug}/projects`} className="font-medium text-brand-700 underline">
            add projects
          </Link>{" "}
          from this account&apos;s repositories.
        </p>
      </section>
    );
  }
  if (view.status === "missing_permissions") {
    const missing = permissionChecklist(view.missingScopes);
    return (
      <section aria-labelledby="result-heading" data-testid="connect-result" className="mb-6 rounded-xl border border-amber-300 bg-amber-50 p-4 sm:p-5">
        <h2 id="result-heading" className="text-lg font-semibold text-amber-900">
          Connected, missing permissions
        </h2>
        <p className="mt-1 text-sm text-amber-900">
          Bitbucket granted access{view.account?.displayName ? ` as ${view.account.displayName}` : ""}, but the consumer lacks{" "}
          {missing.length === 1 ? "a permission" : "permissions"} this connection needs:
        </p>
        <div className="mt-3 rounded-lg bg-white p-3">
          <PermissionChecklist label="Missing permissions" items={missing.map((item) => ({ checkbox: item.checkbox, state: "missing" as const }))} />
        </div>
        <h3 className="mt-4 text-sm font-semibold text-amber-900">To fix it</h3>
        <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-amber-900">
          <li>On Bitbucket, open Workspace settings → OAuth consumers and edit this connection&apos;s consumer.</li>
          <li>Tick {missing.map((item) => `“${item.checkbox}”`).join(", ")} and save.</li>
          <li>Reconnect here. A grant keeps the permissions it was made with, so only a new one picks up the change.</li>
        </ol>
        {canManage ? (
          <div className="mt-4">
            <ConnectLink view={view}>Reconnect</ConnectLink>
          </div>
        ) : null}
      </section>
    );
  }
  return null;
}
