"use client";

import Link from "next/link";
import { useState } from "react";
import { ConnectionStatusBadge } from "@/components/connection-status-badge";
import { LocalTime } from "@/components/local-time";
import { formatLatency, ResultBadge } from "@/components/result-badge";
import { parseStatus } from "@/lib/connections/status";
import { describeError, errorCatalog, type ErrorCode } from "@/lib/errors/codes";
import type { ConnectionHealth } from "@/lib/health/connection-health";

type TimelineEvent = ConnectionHealth["timeline"][number];
type AuditEntry = ConnectionHealth["audit"][number];

const SHOWN_AT_FIRST = 10;

const KIND_LABEL: Record<TimelineEvent["kind"], string> = { check: "Check", refresh: "Token refresh", status: "Status change" };

/** The product's wording for a stored error code; unknown codes (from older versions) are shown as they are. */
export function reasonText(code: string | null): string | null {
  if (!code) return null;
  return code in errorCatalog ? describeError(code as ErrorCode).message : code;
}

function EventDetail({ event }: { event: TimelineEvent }) {
  const reason = reasonText(event.errorCode);
  if (event.kind === "status") {
    return (
      <div className="space-y-1">
        <p className="flex flex-wrap items-center gap-1.5" data-testid="status-change">
          {event.fromStatus ? <ConnectionStatusBadge status={parseStatus(event.fromStatus)} /> : null}
          <span aria-hidden>→</span>
          <span className="sr-only">to</span>
          {event.toStatus ? <ConnectionStatusBadge status={parseStatus(event.toStatus)} /> : null}
        </p>
        <p className="text-slate-600">{reason ?? "Recovered: nothing is wrong any more."}</p>
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <ResultBadge ok={event.ok} />
        {event.latencyMs !== null ? <span data-testid="latency">{formatLatency(event.latencyMs)}</span> : null}
      </p>
      {reason ? <p className="text-slate-600">{reason}</p> : null}
    </div>
  );
}

/** Checks, token refreshes and status changes, newest first; the first ten, then all on request. */
export function HealthTimeline({ events, now }: { events: TimelineEvent[]; now: number }) {
  const [all, setAll] = useState(false);
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing yet. The first check runs within a few minutes of connecting.</p>;
  const shown = all ? events : events.slice(0, SHOWN_AT_FIRST);
  return (
    <div>
      <ol aria-label="Health timeline" className="divide-y divide-slate-100 text-sm">
        {shown.map((event) => (
          <li key={event.id} data-testid="timeline-event" data-kind={event.kind} className="grid gap-1 py-2 sm:grid-cols-[12rem_8rem_1fr] sm:gap-3">
            <LocalTime iso={event.at} now={now} className="text-slate-600" />
            <span className="font-medium">{KIND_LABEL[event.kind]}</span>
            <EventDetail event={event} />
          </li>
        ))}
      </ol>
      {events.length > SHOWN_AT_FIRST ? (
        <button type="button" onClick={() => setAll(!all)} className="mt-2 text-sm font-medium text-brand-700 hover:underline">
          {all ? "Show fewer" : `Show all ${events.length}`}
        </button>
      ) : null}
    </div>
  );
}

/** The latest audit events about this connection: who did what, and when. */
export function RecentAudit({ events, now, auditHref }: { events: AuditEntry[]; now: number; auditHref: string }) {
  return (
    <div className="text-sm">
      {events.length === 0 ? (
        <p className="text-slate-600">No events yet.</p>
      ) : (
        <ol aria-label="Recent audit events" className="divide-y divide-slate-100">
          {events.map((event) => (
            <li key={event.id} data-testid="audit-event" className="grid gap-1 py-2 sm:grid-cols-[12rem_10rem_1fr] sm:gap-3">
              <LocalTime iso={event.at} now={now} className="text-slate-600" />
              <span className="break-words">{event.actor}</span>
              <span>
                {event.label}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="mt-2">
        <Link href={auditHref} className="font-medium text-brand-700 hover:underline">
          All audit events
        </Link>
      </p>
    </div>
  );
}
