import type { ReactNode } from "react";
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

/** The account, permissions, checks and token of a connection, as of the last poll. */
export function HealthFacts({ health, now }: { health: ConnectionHealth; now: number }) {
  const connection = health.connection;
  const lastCheck = health.lastCheck;
  const hasToken = connection.expiresAt !== null;
  return (
    <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
      <Fact label="Bitbucket account" testId="health-account">
        {connection.account ? (
          <>
            {connection.account.displayName ?? "Unnamed account"}
            {connection.account.nickname ? <span className="text-slate-500"> @{connection.account.nickname}</span> : null}
          </>
        ) : (
          <span className="text-slate-500">{hasToken ? "Not readable with these permissions" : "None"}</span>
        )}
      </Fact>
      <Fact label="Permissions" testId="health-permissions">
        {!hasToken ? (
          <span className="text-slate-500">Not granted yet</span>
        ) : connection.missingScopes.length === 0 ? (
          `All ${connection.requiredScopes.length} required granted`
        ) : (
          <span className="text-amber-800">
            {connection.missingScopes.length} of {connection.requiredScopes.length} required missing (see Permissions above)
          </span>
        )}
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
            <span className="block text-xs text-slate-500">{CREDENTIAL_END_WORDS[connection.credentialEnd.reason]}</span>
          </>
        ) : (
          <span className="text-slate-500">No credential held</span>
        )}
      </Fact>
      <Fact label="Access token expires" testId="token-expiry">
        {connection.expiresAt ? (
          <>
            <LocalTime iso={connection.expiresAt} now={now} />
            <span className="block text-xs text-slate-500">Renewed automatically shortly before it expires.</span>
          </>
        ) : (
          <span className="text-slate-500">No token held</span>
        )}
      </Fact>
      <Fact label="Last token refresh" testId="token-refreshed">
        {connection.refreshedAt ? (
          <LocalTime iso={connection.refreshedAt} now={now} />
        ) : (
          <span className="text-slate-500">{hasToken ? "Not yet: the token is the one granted at Connect" : "None"}</span>
        )}
      </Fact>
    </dl>
  );
}
