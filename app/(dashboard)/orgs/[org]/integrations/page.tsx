import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { listConnections } from "@/lib/connections/read-connections";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/access/roles";

export const metadata = { title: "Integrations" };

// Providers that are planned but not built: shown so nobody hunts for them, and marked plainly.
const LATER = [
  { name: "Bitbucket Data Center", description: "Self-managed Bitbucket, through an incoming application link." },
  { name: "GitHub", description: "GitHub.com and GitHub Enterprise." },
  { name: "GitLab", description: "GitLab.com and self-managed GitLab." },
];

const card = "flex flex-col rounded-xl border border-slate-200 bg-white p-5";

export default async function IntegrationsPage({ params }: { params: Promise<{ org: string }> }) {
  const access = await requireOrgAccess((await params).org);
  const slug = access.organization.slug;
  const count = (await listConnections(access)).filter((connection) => connection.provider === "bitbucket_cloud").length;
  const canManage = canManageConnections(access.role);
  return (
    <>
      <PageHeader title="Integrations" description="The code hosts this organization can connect to. Each connection uses an OAuth consumer you own." />
      <ul aria-label="Providers" className="grid gap-4 md:grid-cols-2">
        <li className={`${card} border-brand-600/40`}>
          <div className="flex items-start justify-between gap-3">
            <h2 className="font-semibold">Bitbucket Cloud</h2>
            <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-600/20 ring-inset">
              Available
            </span>
          </div>
          <p className="mt-2 text-sm text-slate-600">
            Repositories, webhooks and sign-in on bitbucket.org, through an OAuth consumer in your workspace. The setup walks you
            through Bitbucket&apos;s form field by field and checks each step.
          </p>
          <p className="mt-3 text-sm">
            {count === 0 ? (
              <span className="text-slate-500">No connections yet.</span>
            ) : (
              <Link href={`/orgs/${slug}/connections`} className="text-brand-700 hover:underline">
                {count === 1 ? "1 connection" : `${count} connections`}
              </Link>
            )}
          </p>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            {canManage ? (
              <Link
                href={`/orgs/${slug}/integrations/bitbucket-cloud/new`}
                className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
              >
                {count === 0 ? "Set up" : "Set up another"}
                <span className="sr-only"> Bitbucket Cloud</span>
              </Link>
            ) : (
              <p className="text-sm text-slate-500">Owners and admins set up connections.</p>
            )}
          </div>
        </li>
        {LATER.map((provider) => (
          <li key={provider.name} className={`${card} bg-slate-50`} aria-disabled="true">
            <div className="flex items-start justify-between gap-3">
              <h2 className="font-semibold text-slate-600">{provider.name}</h2>
              <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-700">Not yet available</span>
            </div>
            <p className="mt-2 text-sm text-slate-500">{provider.description} Not part of this version.</p>
          </li>
        ))}
      </ul>
    </>
  );
}
