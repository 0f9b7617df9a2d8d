import { LocalTime } from "@/components/local-time";
import { PageHeader } from "@/components/page-header";
import { readAlertSettings } from "@/lib/alerts/read-alerts";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/access/roles";
import { AddDestinationForm, RemoveDestination, SendTestAlert } from "./destination-forms";
import { ExpiryWarningForm } from "./expiry-warning-form";

export const metadata = { title: "Alerts" };

const STATE_WORDS: Record<string, { label: string; className: string }> = {
  sent: { label: "Sent", className: "text-emerald-800" },
  pending: { label: "Retrying", className: "text-amber-900" },
  failed: { label: "Gave up", className: "text-red-800" },
};

export default async function AlertsSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { organization, role } = await requireOrgAccess((await params).org);
  const settings = await readAlertSettings(organization.id);
  const canManage = canManageConnections(role);
  return (
    <>
      <PageHeader title="Alerts" description="Who hears when a connection fails, recovers, or its credential is about to end." />
      <section aria-labelledby="destinations" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="destinations" className="font-semibold">Destinations</h2>
        {settings.destinations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">None yet: alerts are recorded in the log below but go nowhere.</p>
        ) : (
          <ul aria-label="Alert destinations" className="mt-3 divide-y divide-slate-200">
            {settings.destinations.map((d) => (
              <li key={d.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <span className="min-w-0 text-sm break-all">{d.name}</span>
                {canManage ? <RemoveDestination orgSlug={organization.slug} id={d.id} name={d.name} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canManage ? (
          <div className="mt-5 space-y-6 border-t border-slate-200 pt-5">
            {settings.destinations.length > 0 ? <SendTestAlert orgSlug={organization.slug} /> : null}
            <AddDestinationForm orgSlug={organization.slug} emailAvailable={settings.emailAvailable} />
          </div>
        ) : (
          <p className="mt-3 text-sm text-slate-600">Owners and admins add and remove destinations.</p>
        )}
      </section>
      <section aria-labelledby="expiry-warning" className="mt-6 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="expiry-warning" className="font-semibold">Expiring credentials</h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">
          A connection whose credential ends within {settings.expiryWarningDays} days shows “Expiring soon” (it keeps working). Alerts go at that point, then at 7 days and at 1 day.
        </p>
        {canManage ? <ExpiryWarningForm orgSlug={organization.slug} days={settings.expiryWarningDays} /> : null}
      </section>
      <section aria-labelledby="alert-log" className="mt-6 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="alert-log" className="font-semibold">Sent alerts</h2>
        {settings.alerts.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No alerts yet.</p>
        ) : (
          <ol aria-label="Alert log" className="mt-3 divide-y divide-slate-200">
            {settings.alerts.map((a) => (
              <li key={a.id} className="py-3 text-sm">
                <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="font-medium break-words">{a.title}</span>
                  <LocalTime iso={a.createdAt} className="text-xs text-slate-500" />
                </p>
                <p className="text-xs text-slate-500">{a.kindLabel}</p>
                {a.deliveries.length === 0 ? (
                  <p className="mt-1 text-slate-600">No destination at the time.</p>
                ) : (
                  <ul className="mt-1 space-y-0.5">
                    {a.deliveries.map((d) => (
                      <li key={d.id} className="break-words">
                        <span className={`font-medium ${STATE_WORDS[d.state]?.className ?? ""}`}>{STATE_WORDS[d.state]?.label ?? d.state}</span>{" "}
                        <span className="text-slate-700">→ {d.destination}</span>
                        {d.state !== "sent" && d.lastError ? <span className="block text-xs text-slate-600">{d.lastError} (attempt {d.attempts})</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
