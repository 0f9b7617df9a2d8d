"use client";

import { getData } from "@/components/get-data";
import { useQuery } from "@tanstack/react-query";
import { statusSummary, type StatusTone } from "@/lib/connections/status";
import { StatusBoard, type StatusRow } from "./status-board";
import { LocalTime } from "./local-time";

const POLL_MS = 5_000;

const summaryTones: Record<StatusTone, string> = {
  neutral: "border-slate-200 bg-white text-slate-800",
  progress: "border-sky-200 bg-sky-50 text-sky-900",
  good: "border-emerald-200 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  bad: "border-red-200 bg-red-50 text-red-900",
};

/**
 * The status board, kept current by polling its JSON endpoint, under one summary line;
 * shows when it last heard. `connectionsPath` (signed-in members only) links each card to
 * its connection's page; the public page passes none.
 */
export function LiveStatusBoard({ endpoint, initial, connectionsPath }: { endpoint: string; initial: StatusRow[]; connectionsPath?: string }) {
  const query = useQuery({
    queryKey: ["status", endpoint],
    queryFn: () => getData<StatusRow[]>(endpoint),
    initialData: initial,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const summary = statusSummary(query.data.map((row) => row.status));
  return (
    <div>
      <p role="status" data-testid="status-summary" className={`mb-4 rounded-xl border px-4 py-3 font-medium ${summaryTones[summary.tone]}`}>
        {summary.text}
      </p>
      {query.isError ? (
        <p role="status" className="mb-3 text-sm text-amber-800">
          Could not refresh just now; showing the last known status.
        </p>
      ) : null}
      <StatusBoard
        rows={query.data}
        renderTime={(iso) => <LocalTime iso={iso} />}
        connectionHref={connectionsPath ? (id) => `${connectionsPath}/${encodeURIComponent(id)}` : undefined}
      />
      <p className="mt-3 text-xs text-slate-500">Updates every {POLL_MS / 1000} seconds.</p>
    </div>
  );
}
