import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { withAccessToken } from "@/lib/connections/with-access-token";
import { sealSecret } from "@/lib/crypto/keyring";
import { randomToken } from "@/lib/crypto/random";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { isAppError } from "@/lib/errors/app-error";
import { toFailure, type Failure } from "@/lib/errors/to-failure";
import { getRepository } from "@/lib/vcs/bitbucket-cloud/repositories";
import type { BitbucketRepository } from "@/lib/vcs/bitbucket-cloud/schemas";
import { projectSealContext } from "@/lib/webhooks/seal-context";
import { registerHook } from "./register-hook";
import type { AddProjectsInput } from "./schemas";
import { usableConnection } from "./usable-connection";

export type AddOutcome = { slug: string; projectId: string | null; hook: "registered" | "failed" | null; error: Failure | null };

async function upsertProject(access: OrgAccess, connectionId: string, repo: BitbucketRepository, workspace: string, events: string[]) {
  const existing = await db().project.findUnique({ where: { connectionId_repositoryUuid: { connectionId, repositoryUuid: repo.uuid } } });
  if (existing) return db().project.update({ where: { id: existing.id }, data: { events: events.join(" ") } });
  try {
    return await createProject(access, connectionId, repo, workspace, events);
  } catch (error) {
    // Someone added the same repository at the same moment: theirs is the project.
    if (!isUniqueViolation(error)) throw error;
    return db().project.findUniqueOrThrow({ where: { connectionId_repositoryUuid: { connectionId, repositoryUuid: repo.uuid } } });
  }
}

function createProject(access: OrgAccess, connectionId: string, repo: BitbucketRepository, workspace: string, events: string[]) {
  return db().$transaction(async (tx) => {
    const clone = (name: string) => repo.links?.clone?.find((link) => link.name === name)?.href ?? null;
    const created = await tx.project.create({
      data: {
        organizationId: access.organization.id,
        connectionId,
        repositoryUuid: repo.uuid,
        fullName: repo.full_name,
        workspaceSlug: workspace,
        slug: repo.slug ?? repo.full_name.split("/")[1]!,
        name: repo.name,
        isPrivate: repo.is_private,
        mainBranch: repo.mainbranch?.name ?? null,
        htmlUrl: repo.links?.html?.href ?? null,
        cloneHttpsUrl: clone("https"),
        cloneSshUrl: clone("ssh"),
        hookId: randomToken(18),
        hookSecretSealed: "",
        events: events.join(" "),
      },
    });
    // 32 random bytes, sealed to this row.
    const project = await tx.project.update({
      where: { id: created.id },
      data: { hookSecretSealed: sealSecret(randomToken(32), projectSealContext.hookSecret(created.id)) },
    });
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "project.added",
      target: { type: "project", id: project.id },
      after: { repository: repo.full_name, events },
    });
    return project;
  });
}

/**
 * Adds repositories as projects and registers each one's webhook. Each repository
 * succeeds or fails on its own; a failed hook keeps the project (with the reason) so the
 * admin can retry after fixing the cause.
 */
export async function addProjects(access: OrgAccess, input: AddProjectsInput): Promise<AddOutcome[]> {
  requireRole(access, "admin");
  const connection = await usableConnection(access, input.connectionId);
  const outcomes: AddOutcome[] = [];
  for (const slug of input.repositories) {
    let projectId: string | null = null;
    try {
      const repo = await withAccessToken(connection.id, (token) => getRepository(connection.apiUrl, token, input.workspace, slug));
      projectId = (await upsertProject(access, connection.id, repo, input.workspace, input.events)).id;
      await registerHook(projectId);
      outcomes.push({ slug, projectId, hook: "registered", error: null });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes.push({ slug, projectId, hook: projectId ? "failed" : null, error: toFailure(error).failure });
    }
  }
  return outcomes;
}
