import { CREDENTIAL_TYPE_LABELS } from "@/lib/vcs/credential";
import Link from "next/link";
import { ConnectionStatusBadge } from "@/components/connection-status-badge";
import { CredentialCountdown } from "@/components/credential-countdown";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { listConnections } from "@/lib/connections/read-connections";
import { profileLabel } from "@/lib/connections/profiles";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/access/roles";

export const metadata = { title: "Connections" };

const PROVIDERS: Record<string, string> = { bitbucket_cloud: "Bitbucket Cloud" };

export default async function ConnectionsPage({ params }: { params: Promise<{ org: string }> }) {
  const access = await requireOrgAccess((await params).org);
  const slug = access.organization.slug;
  const connections = await listConnections(access);
  const canManage = canManageConnections(access.role);
  const addLink = canManage ? (
    <Link
      href={`/orgs/${slug}/integrations/bitbucket-cloud/new`}
      className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
    >
      Add connection
    </Link>
  ) : undefined;

  return (
    <>
      <PageHeader title="Connections" description="Each connection links this organization to a code host through an OAuth consumer, an access token or an API token." actions={addLink} />
      {connections.length === 0 ? (
        <EmptyState title="No connections yet">
          {canManage ? "Set one up from " : "An owner or admin sets them up from "}
          <Link href={`/orgs/${slug}/integrations`} className="text-brand-700 underline">
            Integrations
          </Link>
          : pick Bitbucket Cloud and follow the steps.
        </EmptyState>
      ) : (
        <ul aria-label="Connections" className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {connections.map((connection) => (
            <li key={connection.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-4">
              <div className="min-w-0 flex-1 basis-56">
                <Link href={`/orgs/${slug}/connections/${connection.id}`} className="font-medium break-words text-brand-700 hover:underline">
                  {connection.name}
                </Link>
                <p className="text-sm text-slate-600">
                  {PROVIDERS[connection.provider] ?? connection.provider} · {CREDENTIAL_TYPE_LABELS[connection.credentialType]} · {profileLabel(connection.profile)}
                </p>
                {connection.credentialEnd ? (
                  <p className="text-sm">
                    <CredentialCountdown endsAt={connection.credentialEnd.endsAt} />
                  </p>
                ) : null}
              </div>
              <ConnectionStatusBadge status={connection.status} />
              <p className="w-full font-mono text-sm text-slate-600 sm:w-28 sm:text-right">
                {connection.credentialType !== "oauth_consumer" ? null : connection.clientIdLast4 ? (
                  <>
                    <span className="sr-only">Key ending in </span>••••{connection.clientIdLast4}
                  </>
                ) : (
                  <span className="font-sans text-slate-400">No key yet</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
