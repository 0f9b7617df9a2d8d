import { BitbucketAccount } from "@/components/bitbucket-account";
import { ConnectionStatusBadge } from "@/components/connection-status-badge";
import { CopyField } from "@/components/copy-button";
import { PermissionChecklist } from "@/components/permission-checklist";
import { card } from "@/components/styles";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { permissionChecklist } from "@/lib/vcs/bitbucket-cloud/permission-checklist";
import { profileLabel } from "@/lib/connections/profiles";
import { statusDetail } from "@/lib/connections/status";
import { tokenChecklist } from "@/lib/vcs/bitbucket-cloud/token-setup";
import { CREDENTIAL_TYPE_LABELS } from "@/lib/vcs/credential";

function resourceWords(r: NonNullable<ConnectionView["tokenResource"]>) {
  if (r.kind === "repository") return `Repository ${r.workspace}/${r.key ?? ""}`;
  if (r.kind === "project") return `Project ${r.key ?? ""} in workspace ${r.workspace}`;
  return `Workspace ${r.workspace}`;
}

/** An access token's or API token's facts: what it is and what it belongs to (its end is counted down under Health). Never the token. */
function TokenFacts({ view }: { view: ConnectionView }) {
  return (
    <section aria-labelledby="overview-credential" className={`${card} md:col-span-2`}>
      <h2 id="overview-credential" className="font-semibold">
        {CREDENTIAL_TYPE_LABELS[view.credentialType]}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-500">Provider</dt>
        <dd>Bitbucket Cloud</dd>
        {view.tokenResource ? (
          <>
            <dt className="text-slate-500">Belongs to</dt>
            <dd>{resourceWords(view.tokenResource)}</dd>
          </>
        ) : null}
        {view.credentialEmail ? (
          <>
            <dt className="text-slate-500">Email</dt>
            <dd className="break-all">{view.credentialEmail}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">API URL</dt>
        <dd className="font-mono break-all">{view.apiUrl}</dd>
      </dl>
    </section>
  );
}

/** Everything a member may see about a connection: status, account, permissions, addresses, the key's last four characters. */
export function ConnectionOverview({ view, showCallback }: { view: ConnectionView; showCallback: boolean }) {
  const authorized = view.account !== null || view.grantedScopes.length > 0;
  const missing = new Set(view.missingScopes);
  const required = (view.credentialType === "oauth_consumer" ? permissionChecklist(view.requiredScopes) : tokenChecklist(view.credentialType, view.requiredScopes).map((item) => ({ scope: item.scope, checkbox: view.credentialType === "api_token" ? `${item.label} (${item.scope})` : item.label }))).map((item) => ({
    checkbox: item.checkbox,
    state: authorized ? (missing.has(item.scope) ? ("missing" as const) : ("granted" as const)) : undefined,
  }));
  const extra = view.credentialType !== "oauth_consumer" ? [] : permissionChecklist(view.grantedScopes.filter((scope) => !view.requiredScopes.includes(scope)));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="overview-status" className={card}>
        <h2 id="overview-status" className="font-semibold">
          Status
        </h2>
        <div className="mt-2 space-y-2 text-sm">
          <ConnectionStatusBadge status={view.status} />
          <p className="text-slate-700">{statusDetail(view.status, view.credentialType)}</p>
          {view.lastError ? (
            <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900" data-testid="last-error">
              <p className="font-medium">{view.lastError.message}</p>
              <p>{view.lastError.hint}</p>
            </div>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="overview-account" className={card}>
        <h2 id="overview-account" className="font-semibold">
          Bitbucket account
        </h2>
        <div className="mt-2 text-sm">
          {view.account ? <BitbucketAccount account={view.account} /> : <p className="text-slate-600">{authorized ? "Not readable with these permissions." : "Not authorized yet."}</p>}
        </div>
      </section>

      <section aria-labelledby="overview-permissions" className={`${card} md:col-span-2`}>
        <h2 id="overview-permissions" className="font-semibold">
          Permissions
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">
          {profileLabel(view.profile)}: the {view.credentialType === "oauth_consumer" ? "checkboxes the consumer needs" : view.credentialType === "api_token" ? "scopes the token needs" : "permissions the token needs"} on Bitbucket
          {authorized ? ", marked granted or missing in the current authorization." : "."}
        </p>
        <PermissionChecklist label="Required permissions" items={required} />
        {extra.length > 0 ? (
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-medium text-slate-600">Also granted</h3>
            <PermissionChecklist label="Also granted" items={extra.map((item) => ({ checkbox: item.checkbox, state: "granted" as const }))} />
          </div>
        ) : null}
      </section>

      {view.credentialType !== "oauth_consumer" ? <TokenFacts view={view} /> : null}
      {view.credentialType === "oauth_consumer" ? (
      <section aria-labelledby="overview-consumer" className={`${card} md:col-span-2`}>
        <h2 id="overview-consumer" className="font-semibold">
          Consumer
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">Provider</dt>
          <dd>Bitbucket Cloud</dd>
          <dt className="text-slate-500">Host URL</dt>
          <dd className="font-mono break-all">{view.hostUrl}</dd>
          <dt className="text-slate-500">API URL</dt>
          <dd className="font-mono break-all">{view.apiUrl}</dd>
          <dt className="text-slate-500">Key</dt>
          <dd className="font-mono" data-testid="key-last4">
            {view.clientIdLast4 ? `••••${view.clientIdLast4}` : <span className="font-sans text-slate-500">Not entered yet</span>}
          </dd>
          <dt className="text-slate-500">Type</dt>
          <dd>{view.consumerKind === "private" ? "Private consumer" : view.consumerKind === "public" ? "Public consumer" : "Not verified yet"}</dd>
        </dl>
        {showCallback ? (
          <div className="mt-4">
            <CopyField label="Callback URL" value={view.callbackUrl} />
          </div>
        ) : null}
      </section>
      ) : null}
    </div>
  );
}
