"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useTransition, type MouseEvent, type ReactNode } from "react";
import { ConnectionStatusBadge } from "@/components/connection-status-badge";
import { getData } from "@/components/get-data";
import { LocalTime } from "@/components/local-time";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { Notice } from "@/components/notice";
import { formatLatency, ResultBadge } from "@/components/result-badge";
import { hasGrant, isDisconnected, needsReauthorization, STATUS_WORDS } from "@/lib/connections/status";
import type { ConnectionHealth } from "@/lib/health/connection-health";
import { testConnectionAction } from "./actions";
import { HealthTimeline, reasonText, RecentAudit } from "./health-timeline";
import { card, primaryButton, secondaryButton } from "@/components/styles";

const POLL_MS = 4_000;


/** What the server-rendered rest of the page depends on; when a poll sees it change, the page is rendered again. */
const signature = (connection: ConnectionHealth["connection"]) => `${connection.status}|${connection.lastError?.code ?? ""}`;

const fetchHealth = (endpoint: string) => getData<ConnectionHealth>(endpoint);

/** Scrolls to a section of the page (a Manage card) and puts the focus on its first control, without changing the address. */
function JumpLink({ target, children }: { target: string; children: ReactNode }) {
  function jump(event: MouseEvent<HTMLAnchorElement>) {
    const heading = document.getElementById(target);
    if (!heading) return;
    event.preventDefault();
    heading.scrollIntoView({ behavior: "smooth", block: "start" });
    const control = heading.closest("section")?.querySelector<HTMLElement>("input, button, a[href]");
    control?.focus({ preventScroll: true });
  }
  return (
    <a href={`#${target}`} onClick={jump} className={secondaryButton}>
      {children}
    </a>
  );
}

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

/**
 * The connection's health, kept current by polling: status with its reason and fix, the
 * token, the last check, a timeline of checks, refreshes and status changes, recent audit
 * events and, for owners and admins, Test now and the ways to fix a problem.
 */
export function HealthPanel({
  orgSlug,
  initial,
  renderedAt,
  canManage,
  manageAnchors,
}: {
  orgSlug: string;
  initial: ConnectionHealth;
  /** When the server rendered `initial` (ms since the epoch). */
  renderedAt: number;
  canManage: boolean;
  /** Heading ids of the Manage cards the actions lead to; null when the card is not shown. */
  manageAnchors: { credentials: string; disconnect: string | null };
}) {
  const id = initial.connection.id;
  const endpoint = `/api/orgs/${encodeURIComponent(orgSlug)}/connections/${encodeURIComponent(id)}/health`;
  const queryKey = useMemo(() => ["connection-health", orgSlug, id], [orgSlug, id]);
  const queryClient = useQueryClient();
  const router = useRouter();
  const [, startRefresh] = useTransition();

  const query = useQuery({
    queryKey,
    queryFn: () => fetchHealth(endpoint),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const health = query.data;
  const connection = health.connection;
  const now = query.dataUpdatedAt;

  // A new server render (after a form on this page, or the refresh below) is the newest truth.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    queryClient.setQueryData(queryKey, initial, { updatedAt: Date.now() });
  }, [initial, queryClient, queryKey]);

  // The poll saw a change the rest of the page does not show yet: render the page again.
  const rendered = signature(initial.connection);
  const polled = signature(connection);
  const requested = useRef<string | null>(null);
  useEffect(() => {
    if (polled === rendered) {
      requested.current = null;
      return;
    }
    if (requested.current === polled) return;
    requested.current = polled;
    startRefresh(() => router.refresh());
  }, [polled, rendered, router]);

  const test = useMutation({
    mutationFn: () => testConnectionAction(orgSlug, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });

  const hasToken = connection.expiresAt !== null;
  // A grant can outlive a working status (Error keeps it), so Reconnect follows the token.
  const reconnect = hasToken || hasGrant(connection.status);
  const lastCheck = health.lastCheck;
  const tested = test.data;
  const testFailure = useFormFailure(test, []);

  return (
    <section aria-labelledby="health-heading" data-testid="health" className="mt-8">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="health-heading" className="text-lg font-semibold">
          Health
        </h2>
        <p className="text-xs text-slate-500" data-testid="health-updated">
          {query.isError ? "Could not refresh just now; showing the last known health. " : null}
          Updates every {POLL_MS / 1000} seconds · last at <LocalTime iso={new Date(now).toISOString()} />
        </p>
      </div>

      <div className="space-y-4">
        <div className={card}>
          <div className="flex flex-wrap items-center gap-3">
            <span data-testid="health-status">
              <ConnectionStatusBadge status={connection.status} />
            </span>
            <p className="text-sm text-slate-700">{STATUS_WORDS[connection.status].summary}</p>
          </div>

          {connection.lastError ? (
            <div role="status" data-testid="health-reason" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
              <p className="font-medium">{connection.lastError.message}</p>
              <p className="mt-0.5">
                <span className="font-medium">To fix: </span>
                {connection.lastError.hint}
              </p>
              {connection.lastError.at ? (
                <p className="mt-1 text-xs text-red-800">
                  Since <LocalTime iso={connection.lastError.at} now={now} />
                </p>
              ) : null}
            </div>
          ) : null}

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

          {canManage ? (
            <div className="mt-5 border-t border-slate-100 pt-4">
              <div role="group" aria-label="Health actions" className="flex flex-wrap items-center gap-2">
                {hasToken ? (
                  <button type="button" onClick={() => test.mutate()} disabled={test.isPending} className={primaryButton}>
                    {test.isPending ? "Testing…" : "Test now"}
                  </button>
                ) : null}
                <a href={connection.connectUrl} className={hasToken && !needsReauthorization(connection.status) ? secondaryButton : primaryButton}>
                  {reconnect ? "Reconnect" : "Connect"}
                </a>
                <JumpLink target={manageAnchors.credentials}>Rotate secret</JumpLink>
                {manageAnchors.disconnect && !isDisconnected(connection.status) ? <JumpLink target={manageAnchors.disconnect}>Disconnect</JumpLink> : null}
              </div>
              <div className="mt-3 empty:hidden">
                {tested?.ok === true ? (
                  tested.data.ok ? (
                    <Notice tone="success" title={`Check passed in ${formatLatency(tested.data.latencyMs)}.`} />
                  ) : (
                    <Notice tone="error" title={`Check failed after ${formatLatency(tested.data.latencyMs)}.`}>
                      {reasonText(tested.data.errorCode) ?? "Bitbucket did not answer as expected."}
                    </Notice>
                  )
                ) : (
                  <FormFailure formLevel={testFailure.formLevel} unreachable={testFailure.unreachable} />
                )}
              </div>
            </div>
          ) : null}
        </div>

        <section aria-labelledby="health-timeline-heading" className={card}>
          <h3 id="health-timeline-heading" className="font-semibold">
            Timeline
          </h3>
          <p className="mt-1 mb-3 text-sm text-slate-600">Checks, token refreshes and status changes, newest first.</p>
          <HealthTimeline events={health.timeline} now={now} />
        </section>
        <section aria-labelledby="health-audit-heading" className={card}>
          <h3 id="health-audit-heading" className="font-semibold">
            Recent audit events
          </h3>
          <p className="mt-1 mb-3 text-sm text-slate-600">Who changed this connection, newest first.</p>
          <RecentAudit events={health.audit} now={now} auditHref={`/orgs/${orgSlug}/audit`} />
        </section>
      </div>
    </section>
  );
}
