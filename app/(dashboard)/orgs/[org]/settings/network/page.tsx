import Link from "next/link";
import type { ReactNode } from "react";
import { AppUrlWarning } from "@/components/app-url-warning";
import { CopyField } from "@/components/copy-button";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { readNetwork } from "@/lib/network/read-network";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/access/roles";
import { AtlassianRangesPanel } from "./_inbound/atlassian-ranges-panel";

export const metadata = { title: "Network" };

function Panel({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-6 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id={id} className="font-semibold">{title}</h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{description}</p>
      <div className="space-y-5">{children}</div>
    </section>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-800">{title}</h3>
      {children}
    </div>
  );
}

export default async function NetworkPage({ params }: { params: Promise<{ org: string }> }) {
  const access = await requireOrgAccess((await params).org);
  const { slug } = access.organization;
  const header = (
    <PageHeader
      title="Network"
      description="What a firewall or an IP allowlist needs to know about this instance, both ways."
      actions={<Link href={`/orgs/${slug}/settings`} className="text-sm font-medium text-brand-700 hover:underline">Back to settings</Link>}
    />
  );
  if (!canManageConnections(access.role)) {
    return (
      <>
        {header}
        <Notice tone="info" title="Only owners and admins see the network settings.">Ask an owner or admin of {access.organization.name}.</Notice>
      </>
    );
  }

  const { outbound, inbound } = await readNetwork(access);
  return (
    <>
      {header}
      <Panel id="outbound" title="Outbound: what this instance calls" description="Allow these in an egress firewall. Tokens and secrets go only to the host each connection names.">
        <Part title="Hosts">
          {outbound.hosts.length === 0 ? (
            <p className="text-sm text-slate-600">No connections yet, so no Bitbucket hosts. Each connection adds its Host URL and API URL here.</p>
          ) : (
            <ul aria-label="Outbound hosts" className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm">
              {outbound.hosts.map((host) => (
                <li key={host.origin} className="px-3 py-2">
                  <code className="font-medium break-all">{host.origin}</code>
                  <span className="block text-slate-600">{host.uses.join(", ")}</span>
                </li>
              ))}
            </ul>
          )}
        </Part>
        <Part title="Egress addresses">
          {outbound.egressIps.length > 0 ? (
            <CopyField label="Addresses this instance calls from" value={outbound.egressIps.join(", ")} />
          ) : (
            <p className="text-sm text-slate-600">
              Not declared. An operator lists the addresses this server&apos;s requests leave from in <code>EGRESS_IPS</code> (comma-separated IPs or CIDRs),
              so admins can paste them into Bitbucket.
            </p>
          )}
        </Part>
        <Part title="Bitbucket IP allowlist">
          <p className="mb-2 text-sm text-slate-600">
            A Bitbucket Premium workspace that allows only listed addresses must list the egress addresses above (Workspace settings → Access controls),
            or this instance cannot reach its private repositories.
          </p>
          {outbound.workspaces.length === 0 ? (
            <p className="text-sm text-slate-600">No workspaces in use yet: projects add theirs here.</p>
          ) : (
            <ul aria-label="Workspaces in use" className="space-y-1 text-sm">
              {outbound.workspaces.map((w) => (
                <li key={w.allowlistUrl}>
                  <a href={w.allowlistUrl} target="_blank" rel="noreferrer" className="font-medium text-brand-700 hover:underline">
                    {w.workspace}: Access controls on Bitbucket
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Part>
      </Panel>
      <Panel id="inbound" title="Inbound: what calls this instance" description="Bitbucket sends webhook deliveries here; allow them in an ingress firewall.">
        {inbound.reachability.kind === "public" ? (
          <Notice tone="success" title="APP_URL has a public host name">
            <code>{inbound.appUrl}</code> — Bitbucket can deliver webhooks if that name resolves to this server from the internet.
          </Notice>
        ) : (
          <AppUrlWarning message={inbound.reachability.message} />
        )}
        <Part title="Webhook receiver">
          <CopyField label="Webhook receiver base URL" value={inbound.webhookBaseUrl} />
          <p className="mt-1 text-xs text-slate-600">Each project&apos;s hook posts to its own path under this address.</p>
        </Part>
        <Part title="Addresses Bitbucket sends from">
          <AtlassianRangesPanel ranges={inbound.atlassianRanges} />
        </Part>
      </Panel>
    </>
  );
}
