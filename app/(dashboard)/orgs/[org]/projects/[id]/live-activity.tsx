"use client";

import { getData } from "@/components/get-data";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { describeDelivery, DeliveryLog, LastPushCard } from "@/components/delivery-log";
import type { ProjectActivityWithForwards as ProjectActivity } from "@/lib/workflows/read-project-activity";
import { card } from "@/components/styles";
import { RedeliverButton } from "./_forwarding/redeliver-button";

const POLL_MS = 3_000;


/** The raw payload of one delivery, fetched when asked for and shown as text (pretty-printed JSON). */
function PayloadToggle({ url, deliveryId }: { url: string; deliveryId: string }) {
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: ["delivery-payload", url],
    queryFn: () => getData<{ payload: string }>(url),
    enabled: open,
    staleTime: Infinity,
    retry: false,
  });
  const panelId = `payload-${deliveryId}`;
  let pretty: string | null = null;
  if (query.data) {
    try {
      pretty = JSON.stringify(JSON.parse(query.data.payload), null, 2);
    } catch {
      pretty = query.data.payload;
    }
  }
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-100"
      >
        {open ? "Hide payload" : "Show payload"}
      </button>
      {open ? (
        <div id={panelId} className="mt-2">
          {query.isPending ? <p className="text-xs text-slate-600">Loading payload…</p> : null}
          {query.isError ? (
            <p role="alert" className="text-xs text-red-800">
              Could not load the payload. Try again in a moment.
            </p>
          ) : null}
          {pretty !== null ? (
            <pre
              data-testid="delivery-payload"
              tabIndex={0}
              aria-label="Raw payload"
              className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs whitespace-pre"
            >
              {pretty}
            </pre>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The last push and the delivery log, kept current by polling the project's deliveries
 * endpoint. With `redeliverTarget` (admins), each forward has a Redeliver button.
 */
export function LiveActivity({
  endpoint,
  initial,
  retentionDays,
  redeliverTarget,
  hookActive,
}: {
  endpoint: string;
  initial: ProjectActivity;
  retentionDays: number;
  redeliverTarget?: { orgSlug: string; projectId: string };
  /** Whether the webhook is registered: only then does a push show up within seconds. */
  hookActive: boolean;
}) {
  const query = useQuery({
    queryKey: ["project-activity", endpoint],
    queryFn: () => getData<ProjectActivity>(endpoint),
    initialData: initial,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const { lastPush, deliveries } = query.data;
  // Announced when a newer delivery arrives (live regions speak changes, not the first render).
  const newest = deliveries[0];
  const announcement = newest && newest.id !== initial.deliveries[0]?.id ? describeDelivery(newest) : "";
  return (
    <div className="space-y-4">
      {query.isError ? (
        <p role="status" className="text-sm text-amber-800">
          Could not refresh just now; showing what was last received.
        </p>
      ) : null}
      <section aria-labelledby="last-push-heading" className={card}>
        <h2 id="last-push-heading" className="mb-3 font-semibold">
          Last push
        </h2>
        <div aria-live="polite" data-testid="last-push">
          <LastPushCard lastPush={lastPush} hookActive={hookActive} />
        </div>
      </section>
      <section aria-labelledby="deliveries-heading" className={card}>
        <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="deliveries-heading" className="font-semibold">
            Deliveries
          </h2>
          <p className="text-xs text-slate-500">Newest first · kept for {retentionDays} days · updates every {POLL_MS / 1000} seconds</p>
        </div>
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
        <DeliveryLog
          deliveries={deliveries}
          payloadControl={(id) => <PayloadToggle deliveryId={id} url={`${endpoint}/${encodeURIComponent(id)}/payload`} />}
          forwardAction={
            redeliverTarget
              ? (deliveryId, forward) => (
                  <RedeliverButton target={redeliverTarget} deliveryId={deliveryId} subscriptionId={forward.subscriptionId} onQueued={() => void query.refetch()} />
                )
              : undefined
          }
        />
      </section>
    </div>
  );
}
