import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { publicStatusSetting } from "@/lib/health/public-status";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/orgs/roles";
import { PublicStatusToggle } from "./public-status-toggle";

export const metadata = { title: "Organization settings" };

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { organization, role } = await requireOrgAccess((await params).org);
  const publicUrl = await publicStatusSetting(organization.id);
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
          <PublicStatusToggle orgSlug={organization.slug} url={publicUrl} />
        ) : (
          <p className="text-sm text-slate-600">{publicUrl ? `On, at ${publicUrl}` : "Off."} Owners and admins can change this.</p>
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
      </ul>
    </>
  );
}
