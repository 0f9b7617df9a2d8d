import type { ReactNode } from "react";
import { BitbucketAccount } from "@/components/bitbucket-account";
import { CredentialCountdown } from "@/components/credential-countdown";
import { LocalTime } from "@/components/local-time";
import { CREDENTIAL_END_WORDS } from "@/lib/connections/credential-end";
import { formatLatency, ResultBadge } from "@/components/result-badge";
import type { ConnectionHealth } from "@/lib/health/connection-health";
import { reasonText } from "./health-timeline";

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-0.5" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

const count = new Intl.NumberFormat("en-US");

/** "412 of 1,000 calls in the last hour, shared by 3 connections on this consumer" */
function consumerUsageText({ calls, limit, connections }: { calls: number; limit: number; connections: number }) {
  const shared = connections > 1 ? `, shared by ${count.format(connections)} connections on this consumer` : "";
  return `${count.format(calls)} of ${count.format(limit)} calls in the last hour${shared}`;
}

/** The account, permissions, checks and token of a connection, as of the last poll; the permission list opens from its summary. */
export function HealthFacts({ health, now, permissions }: { health: ConnectionHealth; now: number; permissions: ReactNode }) {
  const connection = health.connection;
  const lastCheck = health.lastCheck;
  const hasToken = connection.expiresAt !== null;
  const oauth = connection.credentialType === "oauth_consumer";
  const resource = connection.tokenResource;
  return (
    <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
      <Fact label="Bitbucket account" testId="health-account">
        {connection.account ? (
          <BitbucketAccount account={connection.account} />
        ) : (
          <span className="text-slate-500">
            {resource ? `The bot of ${resource.kind} ${resource.kind === "repository" ? `${resource.workspace}/${resource.key ?? ""}` : resource.kind === "project" ? `${resource.key ?? ""} in ${resource.workspace}` : resource.workspace}` : hasToken ? "Not readable with these permissions" : "None"}
          </span>
        )}
      </Fact>
      <Fact label="Permissions" testId="health-permissions">
        <details open={hasToken && connection.missingScopes.length > 0}>
          <summary className="cursor-pointer rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
            {!hasToken ? (
              <span className="text-slate-500">Not granted yet</span>
            ) : connection.missingScopes.length === 0 ? (
              `All ${connection.requiredScopes.length} required granted`
            ) : (
              <span className="text-amber-800">
                {connection.missingScopes.length} of {connection.requiredScopes.length} required missing
              </span>
            )}
          </summary>
          <div className="mt-2">{permissions}</div>
        </details>
      </Fact>
      <Fact label="Last check" testId="last-check">
        {lastCheck ? (
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <LocalTime iso={lastCheck.at} now={now} />
            <ResultBadge ok={lastCheck.ok} />
            {lastCheck.latencyMs !== null ? <span data-testid="latency">{formatLatency(lastCheck.latencyMs)}</span> : null}
            {!lastCheck.ok && lastCheck.errorCode ? <span className="w-full text-slate-600">{reasonText(lastCheck.errorCode)}</span> : null}
          </span>
        ) : (
          <span className="text-slate-500">None yet</span>
        )}
      </Fact>
      <Fact label="Last successful check" testId="last-success">
        {connection.lastSuccessAt ? <LocalTime iso={connection.lastSuccessAt} now={now} /> : <span className="text-slate-500">None yet</span>}
      </Fact>
      <Fact label="Credential ends" testId="credential-end">
        {connection.credentialEnd ? (
          <>
            <CredentialCountdown endsAt={connection.credentialEnd.endsAt} />
            <span className="block text-xs text-slate-500">
              {CREDENTIAL_END_WORDS[connection.credentialEnd.reason]}
              {oauth ? "" : " Bitbucket cannot renew it: replace it before then (Replace token, below)."}
            </span>
          </>
        ) : (
          <span className="text-slate-500">No credential held</span>
        )}
      </Fact>
      {oauth ? (
        <Fact label="Access token expires" testId="token-expiry">
          {connection.expiresAt ? (
            <>
              <LocalTime iso={connection.expiresAt} now={now} />
              <span className="block text-xs text-slate-500">Renewed when the connection is next used or checked.</span>
            </>
          ) : (
            <span className="text-slate-500">No token held</span>
          )}
        </Fact>
      ) : null}
      {oauth ? (
        <Fact label="Last token refresh" testId="token-refreshed">
          {connection.refreshedAt ? (
            <LocalTime iso={connection.refreshedAt} now={now} />
          ) : (
            <span className="text-slate-500">{hasToken ? "Not yet: the token is the one granted at Connect" : "None"}</span>
          )}
        </Fact>
      ) : (
        <Fact label="Last replaced" testId="token-refreshed">
          {connection.refreshedAt ? <LocalTime iso={connection.refreshedAt} now={now} /> : <span className="text-slate-500">Not yet: the token is the one entered at setup</span>}
        </Fact>
      )}
      <Fact label="Bitbucket calls" testId="consumer-usage">
        {health.usage.consumer ? consumerUsageText(health.usage.consumer) : <span className="text-slate-500">No consumer yet</span>}
      </Fact>
      <Fact label="Next check" testId="next-check">
        {health.usage.nextCheckAt ? <LocalTime iso={health.usage.nextCheckAt} now={now} /> : <span className="text-slate-500">{hasToken ? "At the next sweep" : "None"}</span>}
      </Fact>
    </dl>
  );
}
