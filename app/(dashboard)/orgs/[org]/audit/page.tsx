import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { describeChanges } from "@/components/audit-changes";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { LocalTime } from "@/components/local-time";

export const metadata = { title: "Audit" };

const cell = "block py-0.5 md:table-cell md:px-4 md:py-2";


export default async function AuditPage({ params }: { params: Promise<{ org: string }> }) {
  const { organization } = await requireOrgAccess((await params).org);
  const events = await listAuditEvents(organization.id, { limit: 200 });
  return (
    <>
      <PageHeader title="Audit" description="Who changed what in this organization, newest first." />
      {events.length === 0 ? (
        <EmptyState title="No events yet">Changes to the organization, its members and its connections are recorded here.</EmptyState>
      ) : (
        // Below md each event is a stacked card (the table's rows as blocks); from md on, a table.
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
                  <td className={`${cell} break-words text-slate-600`}>{event.target}</td>
                  <td className={cell}>
                    <ul className="space-y-0.5 text-xs break-words">
                      {describeChanges(event).map(({ key, from, to }) => (
                        <li key={key}>
                          <span className="text-slate-500">{key}:</span> {from === null ? null : <span className="text-slate-500">{from} → </span>}
                          <span className="font-medium">{to}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
