import type { ReactNode } from "react";
import { SetupStep, type SetupStepState } from "@/components/setup-step";
import { primaryButton } from "@/components/styles";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { hasGrant } from "@/lib/connections/status";
import { tokenDestination } from "@/lib/connections/token-destination";

export type Problem = { code: string; message: string; hint: string };

/**
 * The link that starts Connect: a plain GET to the app's connect route, which redirects to
 * Bitbucket. It says which hosts will hold the tokens, so nobody authorizes blind.
 */
export function ConnectLink({ view, children }: { view: Pick<ConnectionView, "connectUrl" | "hostUrl" | "apiUrl">; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <a href={view.connectUrl} className={primaryButton}>
        {children}
      </a>
      <span data-testid="token-destination" className="text-sm text-slate-600">
        {tokenDestination(view.hostUrl, view.apiUrl)}
      </span>
    </div>
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
          <ConnectLink view={view}>Connect</ConnectLink>
          <RedirectUriHelp callbackUrl={view.callbackUrl} />
        </div>
      )}
    </SetupStep>
  );
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
          <ConnectLink view={view}>{hasGrant(view.status) ? "Reconnect" : "Connect"}</ConnectLink>
        </div>
      ) : null}
    </div>
  );
}
