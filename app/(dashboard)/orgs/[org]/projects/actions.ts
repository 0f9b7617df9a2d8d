"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/org-action";
import { addProjects } from "@/lib/projects/add-projects";
import { removeProject } from "@/lib/projects/remove-project";
import { retryHookRegistration } from "@/lib/projects/retry-hook";
import { addProjectsInput } from "@/lib/projects/schemas";

// orgAction checks the session, the role and the input on the server; lib checks that the
// connection or project belongs to the organization.

const projectInput = z.object({ projectId: z.string().min(1) });

/** Adds the chosen repositories as projects, each with its webhook; reports each repository's outcome. */
export async function addProjectsAction(orgSlug: string, rawInput: unknown) {
  const result = await orgAction({ input: addProjectsInput, role: "admin", name: "projects.add" }, (input, access) => addProjects(access, input))(
    orgSlug,
    rawInput,
  );
  if (result.ok) revalidatePath(`/orgs/${orgSlug}/projects`, "layout");
  return result;
}

/** Removes the project and its webhook on Bitbucket. */
export async function removeProjectAction(orgSlug: string, rawInput: unknown) {
  const result = await orgAction({ input: projectInput, role: "admin", name: "projects.remove" }, async (input, access) => {
    await removeProject(access, input.projectId);
    return { removed: true };
  })(orgSlug, rawInput);
  if (result.ok) revalidatePath(`/orgs/${orgSlug}/projects`, "layout");
  return result;
}

/** Registers a failed project's webhook again, e.g. after ticking Webhooks on the consumer and reconnecting. */
export async function retryHookAction(orgSlug: string, rawInput: unknown) {
  const result = await orgAction({ input: projectInput, role: "admin", name: "projects.retry_hook" }, async (input, access) => {
    const project = await retryHookRegistration(access, input.projectId);
    return { hookStatus: project.hookStatus };
  })(orgSlug, rawInput);
  // The stored status changes whether or not the retry worked; a refused caller changed nothing.
  if (result.ok || !["unauthenticated", "forbidden", "not_found", "invalid_input"].includes(result.error.code)) {
    revalidatePath(`/orgs/${orgSlug}/projects`, "layout");
  }
  return result;
}
