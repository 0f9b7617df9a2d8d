import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loadConnection } from "@/lib/connections/load-connection";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { removeProject } from "@/lib/projects/remove-project";

/**
 * Deletes a connection. While projects use it, that takes the admin's confirmation
 * (`removeProjects`): their hooks on Bitbucket are removed where Bitbucket still lets
 * us, then the projects. Returns the repositories whose hooks could not be removed.
 */
export async function deleteConnection(access: OrgAccess, id: string, options: { removeProjects?: boolean } = {}) {
  requireRole(access, "admin");
  const connection = await loadConnection(access, id);
  const projects = await db().project.findMany({ where: { connectionId: id }, select: { id: true, fullName: true } });
  if (projects.length > 0 && !options.removeProjects) {
    throw new AppError("connection_in_use", { detail: `${projects.length} project${projects.length === 1 ? "" : "s"}` });
  }
  const hooksLeft: string[] = [];
  for (const project of projects) {
    const { hookRemoved } = await removeProject(access, project.id, { force: true });
    if (!hookRemoved) hooksLeft.push(project.fullName);
  }
  await db().$transaction(async (tx) => {
    // A project added meanwhile would be deleted unconfirmed, its hook left behind: refuse instead.
    if ((await tx.project.count({ where: { connectionId: id } })) > 0) throw new AppError("connection_in_use", { detail: "a project was just added" });
    await tx.vcsConnection.delete({ where: { id } });
    await recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor: access.actor,
      action: "connection.deleted",
      target: { type: "connection", id },
      before: { name: connection.name, status: connection.status },
      after: { projectsRemoved: projects.length, hooksLeft },
    });
  });
  return { projectsRemoved: projects.length, hooksLeft };
}
