import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { CHECK_INTERVALS, checkIntervalSetting } from "@/lib/health/check-interval";
import { publicStatusSetting } from "@/lib/health/public-status";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/access/roles";
import { CheckIntervalForm } from "./check-interval-form";
import { PublicStatusToggle } from "./public-status-toggle";

export const metadata = { title: "Organization settings" };

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { organization, role } = await requireOrgAccess((await params).org);
  const [publicUrl, interval] = await Promise.all([publicStatusSetting(organization.id), checkIntervalSetting(organization.id)]);
  return (
    <>
      <PageHeader title="Settings" description={`How ${organization.name} is set up.`} />
      <section aria-labelledby="organization-details" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="organization-details" className="font-semibold">Organization</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">Name</dt>
          <dd>{organization.name}</dd>
          <dt className="text-slate-500">Slug</dt>
          <dd className="font-mono break-all">{organization.slug}</dd>
        </dl>
        <p className="mt-3 text-xs text-slate-500">The name and slug cannot be changed yet.</p>
      </section>
      <section aria-labelledby="public-status" className="mt-6 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="public-status" className="font-semibold">Public status page</h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">
          A read-only page anyone with its address can open: each connection&apos;s name, status and uptime. No accounts, URLs or secrets.
        </p>
        {canManageConnections(role) ? (
          <PublicStatusToggle orgSlug={organization.slug} orgName={organization.name} url={publicUrl} />
        ) : (
          <p className="text-sm text-slate-600">{publicUrl ? `On, at ${publicUrl}` : "Off."} Owners and admins can change this.</p>
        )}
      </section>
      <section aria-labelledby="check-interval" className="mt-6 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="check-interval" className="font-semibold">Health checks</h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">
          Connections are checked every few minutes after a failure or a change, then less and less often while they stay healthy, up to this
          interval. A revoked connection is noticed within it, and at once when something uses it. Every connection on one OAuth consumer shares
          its 1,000 Bitbucket calls an hour.
        </p>
        {canManageConnections(role) ? (
          <CheckIntervalForm orgSlug={organization.slug} seconds={interval} options={CHECK_INTERVALS.map(({ seconds, label }) => ({ seconds, label }))} />
        ) : (
          <p className="text-sm text-slate-600">
            At least every {CHECK_INTERVALS.find((option) => option.seconds === interval)?.label.split(" (")[0] ?? `${interval} seconds`}. Owners and admins
            can change this.
          </p>
        )}
      </section>
      <ul className="mt-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        <li>
          <Link href={`/orgs/${organization.slug}/settings/alerts`} className="block px-5 py-4 hover:bg-slate-50">
            <span className="font-medium">Alerts</span>
            <span className="block text-sm text-slate-600">Slack, Teams, webhook and e-mail alerts when a connection fails or its credential is about to end; the log of sent alerts.</span>
          </Link>
        </li>
        <li>
          <Link href={`/orgs/${organization.slug}/settings/tokens`} className="block px-5 py-4 hover:bg-slate-50">
            <span className="font-medium">API tokens</span>
            <span className="block text-sm text-slate-600">Tokens for scripts and other apps to use this organization&apos;s API.</span>
          </Link>
        </li>
        {canManageConnections(role) ? (
          <li>
            <Link href={`/orgs/${organization.slug}/settings/network`} className="block px-5 py-4 hover:bg-slate-50">
              <span className="font-medium">Network</span>
              <span className="block text-sm text-slate-600">Hosts and addresses for firewalls and Bitbucket&apos;s IP allowlist; whether Bitbucket can reach this instance.</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
