"use client";

import { getData } from "@/components/get-data";
import { useQuery } from "@tanstack/react-query";
import { StatusBoard, type StatusRow } from "./status-board";
import { LocalTime } from "./local-time";

const POLL_MS = 5_000;

/** The status board, kept current by polling its JSON endpoint; shows when it last heard. */
export function LiveStatusBoard({ endpoint, initial }: { endpoint: string; initial: StatusRow[] }) {
  const query = useQuery({
    queryKey: ["status", endpoint],
    queryFn: () => getData<StatusRow[]>(endpoint),
    initialData: initial,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  return (
    <div>
      {query.isError ? (
        <p role="status" className="mb-3 text-sm text-amber-800">
          Could not refresh just now; showing the last known status.
        </p>
      ) : null}
      <StatusBoard rows={query.data} renderTime={(iso) => <LocalTime iso={iso} />} />
      <p className="mt-3 text-xs text-slate-500">Updates every {POLL_MS / 1000} seconds.</p>
    </div>
  );
}
