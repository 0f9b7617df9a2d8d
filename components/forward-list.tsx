import type { ReactNode } from "react";
import type { ForwardView } from "@/lib/forwarding/read-forwarding";
import { LocalTime } from "./local-time";

const states: Record<ForwardView["status"], { label: string; tone: string }> = {
  delivered: { label: "Delivered", tone: "bg-emerald-50 text-emerald-800 ring-emerald-600/20" },
  pending: { label: "Retrying", tone: "bg-amber-50 text-amber-900 ring-amber-600/20" },
  gave_up: { label: "Gave up", tone: "bg-red-50 text-red-800 ring-red-600/20" },
};

const attemptCount = (n: number) => (n === 1 ? "1 attempt" : `${n} attempts`);

function Attempt({ attempt }: { attempt: ForwardView["attempts"][number] }) {
  const outcome = attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : (attempt.error ?? "No answer");
  return (
    <li className="flex flex-wrap gap-x-2">
      <span className="text-slate-500">#{attempt.number}</span>
      <LocalTime iso={attempt.createdAt} className="text-slate-600" />
      <span className={attempt.ok ? "text-emerald-800" : "text-red-800"}>{outcome}</span>
      <span className="text-slate-500">{attempt.latencyMs} ms</span>
    </li>
  );
}

/**
 * Where a delivery was forwarded: per subscription, the state and every attempt. `action`
 * renders a per-forward control (an admin's Redeliver).
 */
export function ForwardList({ forwards, action }: { forwards: ForwardView[]; action?: (forward: ForwardView) => ReactNode }) {
  if (forwards.length === 0) return null;
  return (
    <ul aria-label="Forwarded to" className="space-y-1.5 rounded-md bg-slate-50 p-2 text-xs">
      {forwards.map((forward) => {
        const state = forward.attempts.length === 0 && forward.status === "pending" ? { label: "Queued", tone: "bg-sky-50 text-sky-800 ring-sky-600/20" } : states[forward.status];
        return (
          <li key={forward.id} data-testid="forward" className="space-y-1">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="text-slate-600">Forwarded to</span>
              <code className="break-all">{forward.targetUrl}</code>
              <span className={`inline-flex items-center rounded-full px-2 py-0.5 font-medium whitespace-nowrap ring-1 ring-inset ${state.tone}`}>{state.label}</span>
              {forward.status === "pending" && forward.attempts.length > 0 && forward.nextAttemptAt ? (
                <span className="text-slate-600">
                  next try <LocalTime iso={forward.nextAttemptAt} />
                </span>
              ) : null}
              {action?.(forward)}
            </div>
            {forward.attempts.length > 0 ? (
              <details>
                <summary className="cursor-pointer text-slate-600">{attemptCount(forward.attempts.length)}</summary>
                <ol className="mt-1 space-y-0.5 pl-4">
                  {forward.attempts.map((attempt) => (
                    <Attempt key={attempt.number} attempt={attempt} />
                  ))}
                </ol>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
