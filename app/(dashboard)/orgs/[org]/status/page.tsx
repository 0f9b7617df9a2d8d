import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { LiveStatusBoard } from "@/components/live-status-board";
import { PageHeader } from "@/components/page-header";
import { organizationStatus } from "@/lib/health/organization-status";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";

export const metadata = { title: "Status" };

export default async function StatusPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const access = await requireOrgAccess(org);
  const rows = await organizationStatus(access.organization.id);
  return (
    <>
      <PageHeader title="Status" description="Whether each connection works right now, and how it has done lately." />
      {rows.length === 0 ? (
        <EmptyState title="Nothing to report yet">
          Status appears here once a connection exists. Admins set one up from{" "}
          <Link className="text-brand-700 underline" href={`/orgs/${org}/integrations`}>Integrations</Link>.
        </EmptyState>
      ) : (
        <LiveStatusBoard endpoint={`/api/orgs/${encodeURIComponent(org)}/status`} initial={rows} connectionsPath={`/orgs/${encodeURIComponent(org)}/connections`} />
      )}
    </>
  );
}
