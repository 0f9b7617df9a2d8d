"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/actions/org-action";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { createApiTokenInput, revokeApiTokenInput } from "@/lib/api-tokens/schemas";

const tokensPath = (orgSlug: string) => `/orgs/${orgSlug}/settings/tokens`;

// Any member may create a token for themselves: it acts with their own role, narrowed to its scopes.
const createChecked = orgAction({ input: createApiTokenInput, role: "member", name: "api_tokens.create" }, async (input, access) => {
  const created = await createApiToken(access, input);
  return { name: created.name, prefix: created.prefix, token: created.token, expiresAt: created.expiresAt?.toISOString() ?? null };
});

// Members revoke their own; revokeApiToken lets owners and admins revoke anyone's.
const revokeChecked = orgAction({ input: revokeApiTokenInput, role: "member", name: "api_tokens.revoke" }, async (input, access) => {
  await revokeApiToken(access, input.id);
  return { id: input.id };
});

/** Creates a token and returns its value: the only time it leaves the server. */
export async function createApiTokenAction(orgSlug: string, rawInput: unknown) {
  const result = await createChecked(orgSlug, rawInput);
  if (result.ok) revalidatePath(tokensPath(orgSlug));
  return result;
}

export async function revokeApiTokenAction(orgSlug: string, rawInput: unknown) {
  const result = await revokeChecked(orgSlug, rawInput);
  if (result.ok) revalidatePath(tokensPath(orgSlug));
  return result;
}
