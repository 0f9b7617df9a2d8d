"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useTransition, type ReactNode } from "react";
import { ConnectionStatusBadge } from "@/components/connection-status-badge";
import { Disclosure } from "@/components/disclosure";
import { getData } from "@/components/get-data";
import { LocalTime } from "@/components/local-time";
import { card } from "@/components/styles";
import { isDisconnected, STATUS_WORDS, statusDetail } from "@/lib/connections/status";
import type { ConnectionHealth } from "@/lib/health/connection-health";
import { HealthActions } from "./health-actions";
import { HealthFacts } from "./health-facts";
import { HealthTimeline, RecentAudit } from "./health-timeline";

const POLL_MS = 4_000;

/** What the server-rendered rest of the page depends on; when a poll sees it change, the page is rendered again. */
const signature = (connection: ConnectionHealth["connection"]) => `${connection.status}|${connection.lastError?.code ?? ""}`;

const fetchHealth = (endpoint: string) => getData<ConnectionHealth>(endpoint);

/**
 * The connection's health, kept current by polling: status with its reason and fix, the
 * account and permissions, the last check and the credential, the actions (owners and
 * admins), and on request a timeline of checks, refreshes and status changes and the
 * recent audit events. Everything about the connection is said here once.
 */
export function HealthPanel({
  orgSlug,
  initial,
  renderedAt,
  canManage,
  tokenNote,
  permissions,
  disconnect,
}: {
  orgSlug: string;
  initial: ConnectionHealth;
  /** When the server rendered `initial` (ms since the epoch). */
  renderedAt: number;
  canManage: boolean;
  /** Which hosts hold the tokens, shown by Connect. */
  tokenNote: string;
  /** The permission checklist, opened from the Permissions fact. */
  permissions: ReactNode;
  /** The Disconnect control, for a connection that can be disconnected; shown while it holds tokens. */
  disconnect: ReactNode;
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


  return (
    <section aria-labelledby="health-heading" data-testid="health">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="health-heading" className="text-lg font-semibold">
          Health
        </h2>
        <p className="text-xs text-slate-500" data-testid="health-updated">
          {query.isError ? "Could not refresh just now; showing the last known health. " : null}
          Updates every {POLL_MS / 1000} seconds · last at <LocalTime iso={new Date(now).toISOString()} />
        </p>
      </div>

      <div className="space-y-3">
        <div className={card}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span data-testid="health-status">
              <ConnectionStatusBadge status={connection.status} />
            </span>
            <p className="text-sm text-slate-700">{STATUS_WORDS[connection.status].summary}</p>
          </div>
          {/* What the status means, unless the reason below says it already. */}
          {connection.status !== "connected" && !connection.lastError ? (
            <p className="mt-1 text-sm text-slate-600">{statusDetail(connection.status, connection.credentialType)}</p>
          ) : null}

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

          <HealthFacts health={health} now={now} permissions={permissions} />

          {canManage ? (
            <HealthActions
              orgSlug={orgSlug}
              connection={connection}
              tokenNote={tokenNote}
              disconnect={isDisconnected(connection.status) ? null : disconnect}
              onChecked={() => queryClient.invalidateQueries({ queryKey })}
            />
          ) : null}
        </div>

        <Disclosure id="health-timeline-heading" level={3} title="Timeline" hint="Checks, token refreshes and status changes, newest first.">
          <HealthTimeline events={health.timeline} now={now} />
        </Disclosure>
        <Disclosure id="health-audit-heading" level={3} title="Recent audit events" hint="Who changed this connection, newest first.">
          <RecentAudit events={health.audit} now={now} auditHref={`/orgs/${orgSlug}/audit`} />
        </Disclosure>
      </div>
    </section>
  );
}
