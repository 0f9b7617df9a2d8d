import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ConnectionStatusBadge } from "@/components/connection-status-badge";
import { CopyField } from "@/components/copy-button";
import { LocalTime } from "@/components/local-time";
import { PageHeader } from "@/components/page-header";
import { parseHookStatus, WebhookStatusBadge } from "@/components/webhook-status";
import { env } from "@/lib/env";
import { parseStatus, STATUS_WORDS } from "@/lib/connections/status";
import { isAppError } from "@/lib/errors/app-error";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/access/roles";
import { listSubscriptions } from "@/lib/forwarding/read-forwarding";
import { getProject } from "@/lib/projects/read-projects";
import { WEBHOOK_EVENTS } from "@/lib/projects/schemas";
import { readProjectActivity } from "@/lib/workflows/read-project-activity";
import { Forwarding } from "./_forwarding/forwarding";
import { LiveActivity } from "./live-activity";
import { RemoveProject, RetryHookButton } from "./project-actions";
import { card } from "@/components/styles";

export const metadata = { title: "Project" };

type Props = { params: Promise<{ org: string; id: string }> };


function Card({ id, title, children, className = "" }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`${card} ${className}`}>
      <h2 id={id} className="mb-3 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{term}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

async function load(access: Awaited<ReturnType<typeof requireOrgAccess>>, id: string) {
  try {
    return await Promise.all([getProject(access, id), readProjectActivity(access, id), listSubscriptions(access, id)]);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

/** One project: its repository, connection and webhook, and what Bitbucket delivered, live. */
export default async function ProjectPage({ params }: Props) {
  const { org, id } = await params;
  const access = await requireOrgAccess(org);
  const [project, activity, subscriptions] = await load(access, id);
  const orgSlug = access.organization.slug;
  const canManage = canManageConnections(access.role);
  const hookStatus = parseHookStatus(project.hookStatus);
  const connectionStatus = parseStatus(project.connection.status);
  const target = { orgSlug, projectId: project.id };
  const eventLabel = (key: string) => WEBHOOK_EVENTS.find((event) => event.key === key)?.label ?? key;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/orgs/${orgSlug}/projects`} className="text-brand-700 hover:underline">
          ← Projects
        </Link>
      </p>
      <PageHeader
        title={project.fullName}
        description={
          <>
            Bitbucket repository “{project.name}” · added <LocalTime iso={project.createdAt} />
          </>
        }
        actions={<WebhookStatusBadge status={hookStatus} />}
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card id="repository-heading" title="Repository">
          <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
            <Fact term="On Bitbucket">
              {project.htmlUrl?.startsWith("https://") || project.htmlUrl?.startsWith("http://") ? (
                <a href={project.htmlUrl!} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
                  Open {project.fullName} on Bitbucket
                </a>
              ) : (
                "–"
              )}
            </Fact>
            <Fact term="Main branch">
              <span className="font-mono">{project.mainBranch ?? "–"}</span>
            </Fact>
            <Fact term="Visibility">{project.isPrivate ? "Private" : "Public"}</Fact>
          </dl>
          <div className="mt-4 space-y-3">
            {project.cloneHttpsUrl ? <CopyField label="Clone with HTTPS" value={project.cloneHttpsUrl} /> : null}
            {project.cloneSshUrl ? <CopyField label="Clone with SSH" value={project.cloneSshUrl} /> : null}
          </div>
        </Card>

        <div className="space-y-4">
          <Card id="connection-heading" title="Connection">
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <Link href={`/orgs/${orgSlug}/connections/${project.connection.id}`} className="font-medium text-brand-700 hover:underline">
                {project.connection.name}
              </Link>
              <ConnectionStatusBadge status={connectionStatus} />
            </p>
            {connectionStatus !== "connected" ? (
              <p className="mt-2 text-sm text-slate-600">
                {STATUS_WORDS[connectionStatus].label}: changes to the webhook need a working connection. Deliveries keep arriving as long as
                the webhook exists on Bitbucket.
              </p>
            ) : null}
          </Card>

          <Card id="webhook-heading" title="Webhook">
            <div className="space-y-3 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <WebhookStatusBadge status={hookStatus} />
                {hookStatus === "pending" ? <span className="text-slate-600">Not registered on Bitbucket yet.</span> : null}
              </p>
              {hookStatus === "failed" && project.hookError ? (
                <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-900">
                  <p className="font-semibold">{project.hookError.message}</p>
                  <p className="mt-1">{project.hookError.hint}</p>
                </div>
              ) : null}
              <div>
                <h3 className="text-slate-500">Events</h3>
                <ul aria-label="Webhook events" className="mt-1 flex flex-wrap gap-1.5">
                  {project.events.map((key) => (
                    <li key={key} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                      {eventLabel(key)}
                    </li>
                  ))}
                </ul>
              </div>
              {canManage && hookStatus !== "registered" ? <RetryHookButton target={target} shownErrorCode={hookStatus === "failed" ? (project.hookError?.code ?? null) : null} /> : null}
            </div>
          </Card>
        </div>
      </div>

      <Card id="forwarding-heading" title="Forwarding to your services" className="mt-4">
        <Forwarding subscriptions={subscriptions} target={target} canManage={canManage} />
      </Card>

      <div className="mt-4">
        <LiveActivity
          endpoint={`/api/orgs/${encodeURIComponent(orgSlug)}/projects/${encodeURIComponent(project.id)}/deliveries`}
          initial={activity}
          retentionDays={env().WEBHOOK_DELIVERY_RETENTION_DAYS}
          redeliverTarget={canManage ? target : undefined}
          hookActive={hookStatus === "registered"}
        />
      </div>

      {canManage ? (
        <section aria-labelledby="remove-heading" className={`${card} mt-8`}>
          <h2 id="remove-heading" className="font-semibold">
            Remove
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">Stops following this repository here and deletes its webhook on Bitbucket.</p>
          <RemoveProject target={target} fullName={project.fullName} />
        </section>
      ) : null}
    </>
  );
}
