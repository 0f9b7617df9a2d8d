import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { withAccessToken } from "@/lib/connections/with-access-token";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { deleteHook, listHooks } from "@/lib/vcs/bitbucket-cloud/hooks";
import { forgetHookKey } from "@/lib/webhooks/hook-keys";
import { receiverUrl } from "./register-hook";

/** Deletes the project's hook(s) on Bitbucket: by uuid, and any other hook pointing at its receiver. */
async function deleteHooksOf(project: { connectionId: string; hookId: string; workspaceSlug: string; slug: string }, apiUrl: string) {
  await withAccessToken(project.connectionId, async (token) => {
    const ours = (await listHooks(apiUrl, token, project.workspaceSlug, project.slug)).filter((hook) => hook.url === receiverUrl(project.hookId));
    for (const hook of ours) await deleteHook(apiUrl, token, project.workspaceSlug, project.slug, hook.uuid);
  });
}

/**
 * Removes a project and its webhook on Bitbucket. If Bitbucket cannot be told (revoked
 * access, missing permission), the project stays and the error says why — unless the
 * repository is gone (no hook left), or `force` says to remove it here regardless (the
 * hook then points at a receiver that answers 404). Returns whether the hook was removed.
 */
export async function removeProject(access: OrgAccess, projectId: string, options: { force?: boolean } = {}): Promise<{ hookRemoved: boolean }> {
  requireRole(access, "admin");
  const project = await db().project.findFirst({ where: { id: projectId, organizationId: access.organization.id }, include: { connection: { select: { apiUrl: true } } } });
  if (!project) throw new AppError("not_found", { detail: "project" });
  let hookRemoved = true;
  try {
    await deleteHooksOf(project, project.connection.apiUrl);
  } catch (error) {
    const repositoryGone = isAppError(error) && error.code === "bitbucket_not_found";
    if (!repositoryGone && !(options.force && isAppError(error))) throw error;
    hookRemoved = repositoryGone;
  }
  await db().$transaction(async (tx) => {
    await tx.project.delete({ where: { id: project.id } });
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "project.removed",
      target: { type: "project", id: project.id },
      before: { repository: project.fullName },
      after: { hookRemoved },
    });
  });
  forgetHookKey(project.hookId);
  return { hookRemoved };
}
