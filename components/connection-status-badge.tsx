import { STATUS_WORDS, type ConnectionStatus } from "@/lib/connections/status";

const tones = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
  progress: "bg-sky-50 text-sky-800 ring-sky-600/20",
  good: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/20",
  bad: "bg-red-50 text-red-800 ring-red-600/20",
} as const;

/** A connection's status as a small labelled badge. */
export function ConnectionStatusBadge({ status }: { status: ConnectionStatus }) {
  const info = STATUS_WORDS[status];
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tones[info.tone]}`}
    >
      {info.label}
    </span>
  );
}
