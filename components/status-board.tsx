import Link from "next/link";
import type { ReactNode } from "react";
import type { ConnectionStatus } from "@/lib/connections/status";
import { CredentialCountdown } from "./credential-countdown";

export type StatusRow = {
  id: string;
  name: string;
  provider: string;
  status: ConnectionStatus;
  statusLabel: string;
  tone: "neutral" | "progress" | "good" | "warning" | "bad";
  lastSuccessAt: string | null;
  /** When the connection's credential ends (lib/connections/credential-end.ts), if it does. */
  credentialEndsAt: string | null;
  uptime: { day: number | null; week: number | null };
};

const toneClasses: Record<StatusRow["tone"], string> = {
  neutral: "bg-slate-100 text-slate-700",
  progress: "bg-sky-100 text-sky-800",
  good: "bg-emerald-100 text-emerald-800",
  warning: "bg-amber-100 text-amber-900",
  bad: "bg-red-100 text-red-800",
};

const percent = (value: number | null) => (value === null ? "no data" : `${(value * 100).toFixed(value === 1 ? 0 : 1)}%`);

/**
 * Connection statuses as cards that stack on a phone. `renderTime` formats timestamps on
 * the caller's side; with `connectionHref` each card's name links to its connection.
 */
export function StatusBoard({ rows, renderTime, connectionHref }: { rows: StatusRow[]; renderTime: (iso: string) => ReactNode; connectionHref?: (id: string) => string }) {
  return (
    <ul className="grid gap-3">
      {rows.map((row) => (
        <li key={row.id} data-testid="status-row" aria-label={row.name} className="rounded-xl border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div>
              <p className="font-semibold">
                {connectionHref ? (
                  <Link href={connectionHref(row.id)} className="text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                ) : (
                  row.name
                )}
              </p>
              <p className="text-sm text-slate-500">{row.provider}</p>
            </div>
            <span data-testid="status-label" className={`rounded-full px-3 py-1 text-sm font-medium ${toneClasses[row.tone]}`}>
              {row.statusLabel}
            </span>
          </div>
          <dl className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="text-slate-500">Last successful check</dt>
              <dd>{row.lastSuccessAt ? renderTime(row.lastSuccessAt) : "none yet"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Uptime, 24 hours</dt>
              <dd>{percent(row.uptime.day)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Uptime, 7 days</dt>
              <dd>{percent(row.uptime.week)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Credential</dt>
              <dd>
                {row.credentialEndsAt ? <CredentialCountdown endsAt={row.credentialEndsAt} /> : <span className="text-slate-500">Not known</span>}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
