import { describeChanges, isRecordedTime } from "@/components/audit-changes";
import { LocalTime } from "@/components/local-time";
import type { AuditEventView } from "@/lib/audit/list-audit-events";

const cell = "block py-0.5 md:table-cell md:px-4 md:py-2";

/** A recorded value; a moment (a token's expiry, say) in the reader's time zone like every other time here. */
function Value({ text }: { text: string }) {
  return isRecordedTime(text) ? <LocalTime iso={text} /> : <>{text}</>;
}

/** The events as a table from md on; below it, each row is a stacked card. */
export function EventTable({ events }: { events: AuditEventView[] }) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="block w-full text-left text-sm md:table md:min-w-full">
        <thead className="hidden bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500 md:table-header-group">
          <tr>
            {["Time", "Actor", "Action", "Target", "Changes"].map((heading) => (
              <th key={heading} scope="col" className="px-4 py-2">{heading}</th>
            ))}
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-200 align-top md:table-row-group">
          {events.map((event) => (
            <tr key={event.id} className="block px-4 py-3 md:table-row md:p-0">
              <td className={`${cell} text-xs text-slate-500 md:text-sm md:whitespace-nowrap md:text-slate-600`}>
                <LocalTime iso={event.at.toISOString()} />
              </td>
              <td className={cell}>{event.actor}</td>
              <td className={`${cell} font-medium md:font-normal md:whitespace-nowrap`}>{event.label}</td>
              <td className={`${cell} wrap-anywhere text-slate-600`}>{event.target}</td>
              <td className={cell}>
                {/* Long values (URLs, lists) wrap anywhere rather than widen the table past its frame. */}
                <ul className="space-y-0.5 text-xs wrap-anywhere">
                  {describeChanges(event).map(({ key, from, to }) => (
                    <li key={key}>
                      <span className="text-slate-500">{key}:</span>{" "}
                      {from === null ? null : (
                        <span className="text-slate-500">
                          <Value text={from} /> →{" "}
                        </span>
                      )}
                      <span className="font-medium">
                        <Value text={to} />
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
