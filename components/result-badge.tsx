/** "84 ms", "3.2 s": a duration as people read it. */
export function formatLatency(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The outcome of one check or refresh: OK or Failed. */
export function ResultBadge({ ok }: { ok: boolean }) {
  return (
    <span
      data-testid="result"
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
    >
      {ok ? "OK" : "Failed"}
    </span>
  );
}
