import Link from "next/link";
import type { ReactNode } from "react";
import { ConnectionStatusBadge } from "@/components/connection-status-badge";
import { CopyField } from "@/components/copy-button";
import { PermissionChecklist } from "@/components/permission-checklist";
import { SetupStep, type SetupStepState } from "@/components/setup-step";
import { UserAvatar } from "@/components/user-avatar";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { permissionChecklist, profileLabel } from "@/lib/connections/setup-steps";
import { hasGrant, STATUS_WORDS } from "@/lib/connections/status";
import { card, primaryButton } from "@/components/styles";


type Problem = { code: string; message: string; hint: string };

/** The link that starts Connect: a plain GET to the app's connect route, which redirects to Bitbucket. */
export function ConnectLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className={primaryButton}>
      {children}
    </a>
  );
}

function RedirectUriHelp({ callbackUrl }: { callbackUrl: string }) {
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer font-medium">Bitbucket showed “Invalid redirect_uri” and did not send you back?</summary>
      <div className="mt-2 space-y-2 text-slate-600">
        <p>
          Bitbucket sends you back only to the consumer&apos;s Callback URL. When it differs from this connection&apos;s, Bitbucket stops on
          its own error page. The consumer&apos;s Callback URL must be exactly:
        </p>
        <p>
          <code className="block rounded bg-slate-100 px-2 py-1 break-all" data-testid="expected-callback-url">
            {callbackUrl}
          </code>
        </p>
        <p>On Bitbucket, edit the consumer, paste this address into Callback URL, save, then choose Connect here again.</p>
        <p>“Invalid client_id” instead means the consumer was deleted on Bitbucket: create it again and paste its new key and secret.</p>
      </div>
    </details>
  );
}

/** Step 4 of the setup: Connect, and what a failed attempt said. */
export function ConnectStep({ view, state, problem }: { view: ConnectionView; state: SetupStepState; problem: Problem | null }) {
  return (
    <SetupStep number={4} title="Connect" state={state}>
      {state === "upcoming" ? (
        <p className="text-slate-500">Once the key and secret are verified, Connect takes you to Bitbucket to grant this app access.</p>
      ) : (
        <div className="space-y-4">
          {problem ? (
            <div role="alert" data-testid="connect-error" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900">
              <p className="font-semibold">{problem.message}</p>
              <p className="mt-1">{problem.hint}</p>
            </div>
          ) : null}
          <p>
            Connect opens Bitbucket. Log in if it asks, check the permissions it lists, and choose <strong>Grant access</strong>. Bitbucket
            then sends you back here, where you see the account and the permissions it granted.
          </p>
          <ConnectLink href={view.connectUrl}>Connect</ConnectLink>
          <RedirectUriHelp callbackUrl={view.callbackUrl} />
        </div>
      )}
    </SetupStep>
  );
}

function Account({ account }: { account: NonNullable<ConnectionView["account"]> }) {
  return (
    <div className="flex items-center gap-3" data-testid="bitbucket-account">
      <UserAvatar name={account.displayName} image={account.avatarUrl} size={40} />
      <div className="min-w-0">
        <p className="font-medium">{account.displayName ?? "Unnamed Bitbucket account"}</p>
        {account.nickname ? <p className="text-sm text-slate-600">@{account.nickname}</p> : null}
      </div>
    </div>
  );
}

/**
 * What `?result=connected` or `?result=missing_permissions` reports, once the stored
 * status agrees: the account, the grant and what to do next.
 */
export function GrantResult({ view, orgSlug, canManage }: { view: ConnectionView; orgSlug: string; canManage: boolean }) {
  if (view.status === "connected") {
    return (
      <section aria-labelledby="result-heading" data-testid="connect-result" className="mb-6 rounded-xl border border-emerald-200 bg-emerald-50 p-4 sm:p-5">
        <h2 id="result-heading" className="text-lg font-semibold text-emerald-900">
          Connected
        </h2>
        <p className="mt-1 text-sm text-emerald-900">Bitbucket granted access with every permission this connection needs.</p>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <div className="rounded-lg bg-white p-3">
            <h3 className="mb-2 text-sm font-semibold">Bitbucket account</h3>
            {view.account ? <Account account={view.account} /> : <p className="text-sm text-slate-600">Not readable with these permissions.</p>}
          </div>
          <div className="rounded-lg bg-white p-3">
            <h3 className="mb-2 text-sm font-semibold">Granted permissions</h3>
            <PermissionChecklist
              label="Granted permissions"
              items={permissionChecklist(view.grantedScopes).map((item) => ({ checkbox: item.checkbox, state: "granted" as const }))}
            />
          </div>
        </div>
        <p className="mt-4 text-sm">
          Next:{" "}
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
            <ConnectLink href={view.connectUrl}>Reconnect</ConnectLink>
          </div>
        ) : null}
      </section>
    );
  }
  return null;
}

/** A failed Connect on a connection past setup: what happened, and that an existing grant still stands. */
export function ConnectFailure({ view, problem, canManage }: { view: ConnectionView; problem: Problem; canManage: boolean }) {
  return (
    <div role="alert" data-testid="connect-error" className="mb-6 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900 sm:p-5">
      <p className="font-semibold">{problem.message}</p>
      <p className="mt-1">{problem.hint}</p>
      {hasGrant(view.status) ? <p className="mt-1">The existing authorization is unchanged.</p> : null}
      {canManage ? (
        <div className="mt-3">
          <ConnectLink href={view.connectUrl}>{hasGrant(view.status) ? "Reconnect" : "Connect"}</ConnectLink>
        </div>
      ) : null}
    </div>
  );
}

/** Everything a member may see about a connection: status, account, permissions, addresses, the key's last four characters. */
export function ConnectionOverview({ view, showCallback }: { view: ConnectionView; showCallback: boolean }) {
  const hasGrant = view.account !== null || view.grantedScopes.length > 0;
  const missing = new Set(view.missingScopes);
  const required = permissionChecklist(view.requiredScopes).map((item) => ({
    checkbox: item.checkbox,
    state: hasGrant ? (missing.has(item.scope) ? ("missing" as const) : ("granted" as const)) : undefined,
  }));
  const extra = permissionChecklist(view.grantedScopes.filter((scope) => !view.requiredScopes.includes(scope)));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="overview-status" className={card}>
        <h2 id="overview-status" className="font-semibold">
          Status
        </h2>
        <div className="mt-2 space-y-2 text-sm">
          <ConnectionStatusBadge status={view.status} />
          <p className="text-slate-700">{STATUS_WORDS[view.status].detail}</p>
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
          {view.account ? <Account account={view.account} /> : <p className="text-slate-600">{hasGrant ? "Not readable with these permissions." : "Not authorized yet."}</p>}
        </div>
      </section>

      <section aria-labelledby="overview-permissions" className={`${card} md:col-span-2`}>
        <h2 id="overview-permissions" className="font-semibold">
          Permissions
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">
          {profileLabel(view.profile)}: the checkboxes the consumer needs on Bitbucket
          {hasGrant ? ", marked granted or missing in the current authorization." : "."}
        </p>
        <PermissionChecklist label="Required permissions" items={required} />
        {extra.length > 0 ? (
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-medium text-slate-600">Also granted</h3>
            <PermissionChecklist label="Also granted" items={extra.map((item) => ({ checkbox: item.checkbox, state: "granted" as const }))} />
          </div>
        ) : null}
      </section>

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
    </div>
  );
}
