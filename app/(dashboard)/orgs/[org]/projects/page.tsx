import Link from "next/link";
import { ConnectionStatusBadge } from "@/components/connection-status-badge";
import { LocalTime } from "@/components/local-time";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { parseHookStatus, WebhookStatusBadge } from "@/components/webhook-status";
import { listConnections } from "@/lib/connections/read-connections";
import { isUsableForProjects, parseStatus } from "@/lib/connections/status";
import { listProjects } from "@/lib/projects/read-projects";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/access/roles";

export const metadata = { title: "Projects" };

const linkClass = "text-brand-700 underline";

export default async function ProjectsPage({ params }: { params: Promise<{ org: string }> }) {
  const access = await requireOrgAccess((await params).org);
  const slug = access.organization.slug;
  const canManage = canManageConnections(access.role);
  const [projects, connections] = await Promise.all([listProjects(access), listConnections(access)]);
  const connected = connections.some((connection) => isUsableForProjects(connection.status));

  const addLink = canManage ? (
    <Link href={`/orgs/${slug}/projects/new`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
      Add projects
    </Link>
  ) : undefined;

  return (
    <>
      <PageHeader title="Projects" description="Repositories you work with, their webhooks and deliveries." actions={addLink} />
      {projects.length === 0 ? (
        <EmptyState title="No projects yet">
          <p>
            Projects come from a connected Bitbucket account&apos;s repositories. Each project gets a webhook on Bitbucket, so pushes and pull
            requests show up here as they happen.
          </p>
          <p className="mt-2">
            {connected ? (
              canManage ? (
                <>
                  Choose{" "}
                  <Link href={`/orgs/${slug}/projects/new`} className={linkClass}>
                    Add projects
                  </Link>{" "}
                  to pick repositories.
                </>
              ) : (
                "An owner or admin of this organization adds them."
              )
            ) : (
              <>
                No connection is connected yet. {canManage ? "Set one up from " : "An owner or admin sets one up from "}
                <Link href={`/orgs/${slug}/integrations`} className={linkClass}>
                  Integrations
                </Link>
                , then come back here.
              </>
            )}
          </p>
        </EmptyState>
      ) : (
        <ul aria-label="Projects" className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {projects.map((project) => {
            const hookStatus = parseHookStatus(project.hookStatus);
            return (
              <li key={project.id} data-testid="project-row" className="flex flex-wrap items-start gap-x-4 gap-y-2 px-5 py-4">
                <div className="min-w-0 flex-1 basis-60">
                  <Link href={`/orgs/${slug}/projects/${project.id}`} className="font-medium break-words text-brand-700 hover:underline">
                    {project.fullName}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {project.isPrivate ? "Private" : "Public"} · via{" "}
                    <Link href={`/orgs/${slug}/connections/${project.connection.id}`} className="hover:underline">
                      {project.connection.name}
                    </Link>{" "}
                    <ConnectionStatusBadge status={parseStatus(project.connection.status)} />
                  </p>
                  {hookStatus === "failed" && project.hookError ? (
                    <p className="mt-1 text-sm text-red-800">
                      {project.hookError.message} {project.hookError.hint}
                    </p>
                  ) : null}
                </div>
                <div className="flex flex-col items-start gap-1 text-sm sm:items-end">
                  <WebhookStatusBadge status={hookStatus} />
                  <p className="text-slate-600">
                    {project.lastPushAt ? (
                      <>
                        Last push <LocalTime iso={project.lastPushAt} />
                      </>
                    ) : (
                      "No push yet"
                    )}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
