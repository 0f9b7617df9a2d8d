import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { AppUrlWarning } from "@/components/app-url-warning";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { listConnections } from "@/lib/connections/read-connections";
import { isUsableForProjects, STATUS_WORDS } from "@/lib/connections/status";
import { webhookReachabilityWarning } from "@/lib/network/read-network";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/access/roles";
import { AddProjectsForm } from "./add-projects-form";

export const metadata = { title: "Add projects" };

/** Connections that hold a working grant; one missing permissions can still browse, and adding names what to tick. */

export default async function AddProjectsPage({ params }: { params: Promise<{ org: string }> }) {
  const access = await requireOrgAccess((await params).org);
  const slug = access.organization.slug;
  const back = (
    <p className="mb-2 text-sm">
      <Link href={`/orgs/${slug}/projects`} className="text-brand-700 hover:underline">
        ← Projects
      </Link>
    </p>
  );
  const header = (
    <>
      {back}
      <PageHeader
        title="Add projects"
        description="Pick repositories of a connected Bitbucket account. Each one becomes a project with its own webhook, so its pushes and pull requests arrive here."
      />
    </>
  );

  if (!canManageConnections(access.role)) {
    return (
      <>
        {header}
        <Notice tone="info" title="Only owners and admins add projects.">
          Ask an owner or admin of {access.organization.name}; you can follow every project on the Projects page.
        </Notice>
      </>
    );
  }

  const connections = (await listConnections(access))
    .filter((connection) => isUsableForProjects(connection.status))
    .map((connection) => ({ id: connection.id, name: connection.name, statusLabel: STATUS_WORDS[connection.status].label }));

  const unreachable = webhookReachabilityWarning();
  return (
    <>
      {header}
      {unreachable ? (
        <div className="mb-6">
          <AppUrlWarning message={unreachable} networkHref={`/orgs/${slug}/settings/network`} />
        </div>
      ) : null}
      {connections.length === 0 ? (
        <EmptyState title="No connected Bitbucket account">
          Projects come from a connected Bitbucket account&apos;s repositories. Set up a connection from{" "}
          <Link href={`/orgs/${slug}/integrations`} className="text-brand-700 underline">
            Integrations
          </Link>{" "}
          (or reconnect one on{" "}
          <Link href={`/orgs/${slug}/connections`} className="text-brand-700 underline">
            Connections
          </Link>
          ), then come back here.
        </EmptyState>
      ) : (
        <AddProjectsForm orgSlug={slug} connections={connections} />
      )}
    </>
  );
}
