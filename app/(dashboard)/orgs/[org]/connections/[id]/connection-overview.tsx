import { ConnectionStatusBadge } from "@/components/connection-status-badge";
import { CopyField } from "@/components/copy-button";
import { PermissionChecklist } from "@/components/permission-checklist";
import { card } from "@/components/styles";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { permissionChecklist } from "@/lib/vcs/bitbucket-cloud/permission-checklist";
import { profileLabel } from "@/lib/connections/profiles";
import { statusDetail } from "@/lib/connections/status";
import { tokenChecklist } from "@/lib/vcs/bitbucket-cloud/token-setup";

export function resourceWords(r: NonNullable<ConnectionView["tokenResource"]>) {
  if (r.kind === "repository") return `Repository ${r.workspace}/${r.key ?? ""}`;
  if (r.kind === "project") return `Project ${r.key ?? ""} in workspace ${r.workspace}`;
  return `Workspace ${r.workspace}`;
}

const consumerKindWords = (kind: ConnectionView["consumerKind"]) => (kind === "private" ? "Private consumer" : kind === "public" ? "Public consumer" : "Not verified yet");

/** The key's last four characters, or that none is entered. */
export function KeyLast4({ view }: { view: Pick<ConnectionView, "clientIdLast4"> }) {
  return (
    <span className="font-mono" data-testid="key-last4">
      {view.clientIdLast4 ? `••••${view.clientIdLast4}` : <span className="font-sans text-slate-500">Not entered yet</span>}
    </span>
  );
}

/** One line saying what the token or consumer is, for a closed disclosure. */
export function credentialHint(view: ConnectionView) {
  if (view.credentialType === "oauth_consumer") return <>Key <KeyLast4 view={view} /> · {consumerKindWords(view.consumerKind)}</>;
  return view.tokenResource ? resourceWords(view.tokenResource) : (view.credentialEmail ?? "");
}

/** An access token's or API token's facts: what it belongs to and where it is sent. Never the token. */
export function TokenFacts({ view }: { view: ConnectionView }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
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
  );
}

/**
 * The OAuth consumer's addresses, key (last four characters only), kind and the callback URL
 * it must have. `keyShown`: the key and kind are already on screen (in `credentialHint`).
 */
export function ConsumerFacts({ view, keyShown = false }: { view: ConnectionView; keyShown?: boolean }) {
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-500">Provider</dt>
        <dd>Bitbucket Cloud</dd>
        <dt className="text-slate-500">Host URL</dt>
        <dd className="font-mono break-all">{view.hostUrl}</dd>
        <dt className="text-slate-500">API URL</dt>
        <dd className="font-mono break-all">{view.apiUrl}</dd>
        {keyShown ? null : (
          <>
            <dt className="text-slate-500">Key</dt>
            <dd>
              <KeyLast4 view={view} />
            </dd>
            <dt className="text-slate-500">Type</dt>
            <dd>{consumerKindWords(view.consumerKind)}</dd>
          </>
        )}
      </dl>
      <CopyField label="Callback URL" value={view.callbackUrl} />
    </div>
  );
}

/** The permissions the profile needs, marked granted or missing once a grant exists, and any granted beyond them. */
export function RequiredPermissions({ view, columns = 2 }: { view: ConnectionView; columns?: 1 | 2 }) {
  const authorized = view.account !== null || view.grantedScopes.length > 0;
  const missing = new Set(view.missingScopes);
  const oauth = view.credentialType === "oauth_consumer";
  const needed = view.credentialType === "oauth_consumer"
    ? permissionChecklist(view.requiredScopes)
    : tokenChecklist(view.credentialType, view.requiredScopes).map((item) => ({ scope: item.scope, checkbox: view.credentialType === "api_token" ? `${item.label} (${item.scope})` : item.label }));
  const required = needed.map((item) => ({
    checkbox: item.checkbox,
    state: authorized ? (missing.has(item.scope) ? ("missing" as const) : ("granted" as const)) : undefined,
  }));
  const extra = oauth ? permissionChecklist(view.grantedScopes.filter((scope) => !view.requiredScopes.includes(scope))) : [];
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-600">
        {profileLabel(view.profile)}: the {oauth ? "checkboxes the consumer needs" : view.credentialType === "api_token" ? "scopes the token needs" : "permissions the token needs"} on Bitbucket
        {authorized ? ", marked granted or missing." : "."}
      </p>
      <PermissionChecklist label="Required permissions" items={required} columns={columns} />
      {extra.length > 0 ? (
        <div>
          <h4 className="mb-1.5 font-medium text-slate-600">Also granted</h4>
          <PermissionChecklist label="Also granted" items={extra.map((item) => ({ checkbox: item.checkbox, state: "granted" as const }))} columns={columns} />
        </div>
      ) : null}
      {oauth && authorized ? (
        <p className="text-slate-600">A grant keeps the permissions it was made with: after ticking more on the consumer, Reconnect. The current grant stays until the new one succeeds.</p>
      ) : null}
    </div>
  );
}

/** A connection whose setup is not finished, as a member sees it: status, what it will need, the consumer. */
export function ConnectionOverview({ view }: { view: ConnectionView }) {
  return (
    <div className="grid gap-4">
      <section aria-labelledby="overview-status" className={card}>
        <h2 id="overview-status" className="font-semibold">
          Status
        </h2>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <ConnectionStatusBadge status={view.status} />
          <p className="text-slate-700">{statusDetail(view.status, view.credentialType)}</p>
        </div>
        {view.lastError ? (
          <div className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="last-error">
            <p className="font-medium">{view.lastError.message}</p>
            <p>{view.lastError.hint}</p>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="overview-permissions" className={card}>
        <h2 id="overview-permissions" className="mb-2 font-semibold">
          Permissions
        </h2>
        <RequiredPermissions view={view} />
      </section>
      <section aria-labelledby="overview-credential" className={card}>
        <h2 id="overview-credential" className="mb-3 font-semibold">
          {view.credentialType === "oauth_consumer" ? "Consumer" : "Token"}
        </h2>
        {view.credentialType === "oauth_consumer" ? <ConsumerFacts view={view} /> : <TokenFacts view={view} />}
      </section>
    </div>
  );
}
