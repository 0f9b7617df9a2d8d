"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/actions/org-action";
import { createConnection } from "@/lib/connections/create-connection";
import { createInput } from "@/lib/connections/schemas";

// Step 1 creates a draft: no key or secret yet, so its callback URL is known before the consumer exists.
const createDraftChecked = orgAction({ input: createInput, role: "admin", name: "connections.create_draft" }, async (input, access) => {
  const connection = await createConnection(access, { ...input, clientId: undefined, clientSecret: undefined });
  return { id: connection.id };
});

export async function createDraftAction(orgSlug: string, rawInput: unknown) {
  const result = await createDraftChecked(orgSlug, rawInput);
  if (result.ok) revalidatePath(`/orgs/${orgSlug}`, "layout");
  return result;
}

// Access tokens and API tokens are verified and stored in one step: there is no Connect to come back to.
const createTokenChecked = orgAction({ input: createInput, role: "admin", name: "connections.create_with_token" }, async (input, access) => {
  const connection = await createConnection(access, input);
  return { id: connection.id };
});

export async function createTokenConnectionAction(orgSlug: string, rawInput: unknown) {
  const result = await createTokenChecked(orgSlug, rawInput);
  if (result.ok) revalidatePath(`/orgs/${orgSlug}`, "layout");
  return result;
}
