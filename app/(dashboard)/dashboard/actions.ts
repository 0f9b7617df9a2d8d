"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/org-action";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { toFailure, validationFailure } from "@/lib/errors/to-failure";
import { log } from "@/lib/log";
import { createOrganization } from "@/lib/orgs/create-organization";
import { organizationInput } from "@/lib/orgs/schemas";

/**
 * Creating an organization needs no organization yet, so this cannot go through
 * orgAction; it does the same checks (session, zod on the server) and hides
 * unexpected errors the same way.
 */
export async function createOrganizationAction(rawInput: unknown): Promise<ActionResult<{ slug: string }>> {
  try {
    const user = await currentUser();
    if (!user) throw new AppError("unauthenticated");
    const parsed = organizationInput.safeParse(rawInput);
    if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
    const actor = { type: "user" as const, userId: user.id, label: user.name ?? user.email ?? user.id };
    const organization = await createOrganization(actor, parsed.data);
    // The sidebar and the dashboard list the new organization.
    revalidatePath("/", "layout");
    return { ok: true, data: { slug: organization.slug } };
  } catch (error) {
    const { failure, unexpected } = toFailure(error);
    if (unexpected) log().error({ err: error, action: "organizations.create" }, "server action failed");
    return { ok: false, error: failure };
  }
}
