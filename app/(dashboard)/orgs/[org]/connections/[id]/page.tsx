import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectionStatusBadge } from "@/components/connection-status-badge";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { PermissionChecklist } from "@/components/permission-checklist";
import { SetupStep } from "@/components/setup-step";
import { readSignInWorkspaces } from "@/lib/auth/read-sign-in-workspaces";
import { getConnection } from "@/lib/connections/read-connections";
import { consumerFormFields, currentStep, parseConnectResult, stepState } from "@/lib/connections/setup-steps";
import { permissionChecklist } from "@/lib/vcs/bitbucket-cloud/permission-checklist";
import { profileLabel } from "@/lib/connections/profiles";
import { isDraft } from "@/lib/connections/status";
import { tokenDestination } from "@/lib/connections/token-destination";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/codes";
import { connectionHealth } from "@/lib/health/connection-health";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { countProjectsUsing, listConnectionDeliveries } from "@/lib/projects/read-projects";
import { canManageConnections, hasRole } from "@/lib/access/roles";
import { ConnectFailure, ConnectStep } from "./_setup/connect-panels";
import { GrantResult } from "./_setup/grant-result";
import { ConnectionOverview, RequiredPermissions } from "./connection-overview";
import { ConsumerSteps } from "./_setup/consumer-steps";
import { ConnectionDeliveries } from "./connection-deliveries";
import { HealthPanel } from "./_health/health-panel";
import { DeleteConnection } from "./_manage/delete-connection";
import { DisconnectButton } from "./_manage/disconnect-button";
import { ManageSection } from "./_manage/manage-section";

export const metadata = { title: "Connection" };

type Props = { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ result?: string | string[] }> };

async function loadView(access: Awaited<ReturnType<typeof requireOrgAccess>>, id: string) {
  try {
    return await getConnection(access, id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

/**
 * One connection. While it has never been authorized, owners and admins continue the
 * setup here (steps 2 to 4); afterwards the page is its health (status, account,
 * permissions, checks and the actions, each once), its deliveries, and the rarely needed
 * parts behind disclosures. Members only ever read it.
 */
export default async function ConnectionPage({ params, searchParams }: Props) {
  const { org, id } = await params;
  const access = await requireOrgAccess(org);
  const view = await loadView(access, id);
  const orgSlug = access.organization.slug;
  const canManage = canManageConnections(access.role);
  const result = parseConnectResult((await searchParams).result);
  const step = currentStep(view);
  const target = { orgSlug, id: view.id };
  const projectCount = canManage ? await countProjectsUsing(access, view.id) : 0;

  const header = (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/orgs/${orgSlug}/connections`} className="text-brand-700 hover:underline">
          ← Connections
        </Link>
      </p>
      <PageHeader
        title={view.name}
        description={`Bitbucket Cloud · ${profileLabel(view.profile)}`}
        actions={
          <span data-testid="page-status">
            <ConnectionStatusBadge status={view.status} />
          </span>
        }
      />
    </>
  );

  // An error from the last Connect: the one in the address first, else the stored one.
  const problem = result?.kind === "error" ? describeError(result.code) : view.status === "error" ? view.lastError : null;

  if (step !== null && canManage) {
    const signInWorkspaces = await readSignInWorkspaces(access.actor.userId);
    return (
      <>
        {header}
        <p className="mb-4 max-w-2xl text-sm text-slate-600">
          Finish the setup here. Keep this page open while you work on Bitbucket: each step is checked before the next.
        </p>
        <ol aria-label="Setup steps" className="space-y-4">
          <SetupStep number={1} title="Choose what the connection is for" state="done">
            <p>
              <strong>{profileLabel(view.profile)}</strong>, named “{view.name}”.
            </p>
            <div className="mt-2">
              <PermissionChecklist label="Required permissions" items={permissionChecklist(view.requiredScopes)} />
            </div>
          </SetupStep>
          <ConsumerSteps
            orgSlug={orgSlug}
            connection={{
              id: view.id,
              name: view.name,
              hostUrl: view.hostUrl,
              apiUrl: view.apiUrl,
              clientIdLast4: view.clientIdLast4,
              consumerKind: view.consumerKind,
              connectUrl: view.connectUrl,
            }}
            formFields={consumerFormFields({ name: view.name, callbackUrl: view.callbackUrl })}
            checklist={permissionChecklist(view.requiredScopes)}
            signInWorkspaces={signInWorkspaces}
            states={{ consumer: stepState(2, step), credentials: stepState(3, step) }}
            storedError={isDraft(view.status) && view.lastError ? view.lastError : null}
            connectStep={<ConnectStep view={view} state={stepState(4, step)} problem={step === 4 ? problem : null} />}
          />
        </ol>
        <section aria-labelledby="draft-delete" className="mt-8 rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
          <h2 id="draft-delete" className="font-semibold">
            Start over
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">Delete this unfinished connection. Nothing on Bitbucket is changed.</p>
          <DeleteConnection target={target} name={view.name} projectCount={projectCount} />
        </section>
      </>
    );
  }

  const health = step === null ? await connectionHealth(access, id) : null;
  const deliveries = step === null ? await listConnectionDeliveries(access, id) : [];
  // Disconnect is for an OAuth connection's tokens; a token connection is replaced or deleted instead.
  const disconnect = canManage && view.credentialType === "oauth_consumer" ? <DisconnectButton target={target} name={view.name} projectCount={projectCount} /> : null;
  return (
    <>
      {header}
      {result?.kind === "status" ? <GrantResult view={view} orgSlug={orgSlug} canManage={canManage} /> : null}
      {result?.kind === "error" && problem ? <ConnectFailure view={view} problem={problem} canManage={canManage} /> : null}
      <div className="space-y-6">
        {health ? (
          <HealthPanel
            orgSlug={orgSlug}
            initial={health}
            renderedAt={Date.now()}
            canManage={canManage}
            tokenNote={tokenDestination(view.hostUrl, view.apiUrl)}
            permissions={<RequiredPermissions view={view} columns={1} />}
            disconnect={disconnect}
          />
        ) : (
          <>
            <Notice tone="info" title="Setup is not finished.">
              An owner or admin of {access.organization.name} finishes it on this page.
            </Notice>
            <ConnectionOverview view={view} />
          </>
        )}
        {health ? <ConnectionDeliveries orgSlug={orgSlug} deliveries={deliveries} retentionDays={env().WEBHOOK_DELIVERY_RETENTION_DAYS} /> : null}
        {health ? (
          <ManageSection view={view} target={target} projectCount={projectCount} canManage={canManage} urlsOwnerOnly={!hasRole(access.role, "owner")} />
        ) : null}
      </div>
    </>
  );
}
