import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { describeChanges } from "@/components/audit-changes";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { LocalTime } from "@/components/local-time";

export const metadata = { title: "Audit" };


export default async function AuditPage({ params }: { params: Promise<{ org: string }> }) {
  const { organization } = await requireOrgAccess((await params).org);
  const events = await listAuditEvents(organization.id, { limit: 200 });
  return (
    <>
      <PageHeader title="Audit" description="Who changed what in this organization, newest first." />
      {events.length === 0 ? (
        <EmptyState title="No events yet">Changes to the organization, its members and its connections are recorded here.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                {["Time", "Actor", "Action", "Target", "Changes"].map((heading) => (
                  <th key={heading} scope="col" className="px-4 py-2">{heading}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 align-top">
              {events.map((event) => (
                <tr key={event.id}>
                  <td className="px-4 py-2 whitespace-nowrap text-slate-600">
                    <LocalTime iso={event.at.toISOString()} />
                  </td>
                  <td className="px-4 py-2">{event.actor}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{event.label}</td>
                  <td className="px-4 py-2 break-words text-slate-600">{event.target}</td>
                  <td className="px-4 py-2">
                    <ul className="space-y-0.5 text-xs">
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
