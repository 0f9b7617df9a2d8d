import "server-only";
import type { OrgAccess } from "@/lib/access/actor";
import { requireRole } from "@/lib/access/resolve-access";
import { getProject } from "./read-projects";
import { registerHook } from "./register-hook";

/**
 * "Retry webhook registration" on a project of the caller's organization: registers (or
 * repairs) its one hook on Bitbucket. A failure is stored on the project and thrown.
 */
export async function retryHookRegistration(access: OrgAccess, projectId: string) {
  requireRole(access, "admin");
  await getProject(access, projectId);
  await registerHook(projectId);
  return getProject(access, projectId);
}
