"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { OrgAccess } from "@/lib/access/actor";
import { orgAction, type ActionResult } from "@/lib/actions/org-action";
import { disconnectConnection, renameConnection, updateConnection } from "@/lib/connections/manage-connection";
import { deleteConnection } from "@/lib/workflows/delete-connection";
import { saveCredentials } from "@/lib/connections/save-credentials";
import { credentialsInput, renameInput, replaceTokenInput, updateInput } from "@/lib/connections/schemas";
import { replaceToken } from "@/lib/connections/replace-token";
import { AppError } from "@/lib/errors/app-error";
import { testConnectionNow } from "@/lib/health/connection-health";

/**
 * Every action here changes one connection: orgAction checks the session, the admin role
 * and the input on the server; the id is checked against the organization by lib.
 */
async function onConnection<S extends z.ZodType, T>(
  name: string,
  input: S,
  orgSlug: string,
  id: unknown,
  rawInput: unknown,
  run: (access: OrgAccess, id: string, input: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const action = orgAction({ input, role: "admin", name }, (parsed, access) => {
    if (typeof id !== "string" || id.length === 0) throw new AppError("not_found", { detail: "connection" });
    return run(access, id, parsed);
  });
  const result = await action(orgSlug, rawInput);
  // The connection's page, the list, the integrations count: everything under the organization.
  if (result.ok) revalidatePath(`/orgs/${orgSlug}`, "layout");
  return result;
}

const nothing = z.object({});

/** Step 3: a key and secret, verified against Bitbucket before the secret is stored. */
export async function saveCredentialsAction(orgSlug: string, id: string, rawInput: unknown) {
  return onConnection("connections.save_credentials", credentialsInput, orgSlug, id, rawInput, async (access, connectionId, input) => {
    const { status, consumerKind } = await saveCredentials(access, connectionId, input);
    return { status, consumerKind };
  });
}

/** A new secret (with the saved key), and optionally a new key, Host URL or API URL: always re-verified. */
export async function updateCredentialsAction(orgSlug: string, id: string, rawInput: unknown) {
  return onConnection("connections.update_credentials", updateInput, orgSlug, id, rawInput, async (access, connectionId, input) => {
    await updateConnection(access, connectionId, input);
    return { saved: true };
  });
}

export async function renameConnectionAction(orgSlug: string, id: string, rawInput: unknown) {
  return onConnection("connections.rename", renameInput, orgSlug, id, rawInput, async (access, connectionId, input) => {
    await renameConnection(access, connectionId, input.name);
    return { name: input.name };
  });
}

/** Deletes the tokens, keeps the key, secret and URLs so Reconnect needs nothing re-entered. */
export async function disconnectConnectionAction(orgSlug: string, id: string) {
  return onConnection("connections.disconnect", nothing, orgSlug, id, {}, async (access, connectionId) => {
    await disconnectConnection(access, connectionId);
    return { disconnected: true };
  });
}

const deleteInput = z.object({ removeProjects: z.boolean().default(false) });

/** Refused while projects use the connection, unless the admin confirmed their removal. */
export async function deleteConnectionAction(orgSlug: string, id: string, rawInput: unknown) {
  return onConnection("connections.delete", deleteInput, orgSlug, id, rawInput, (access, connectionId, input) =>
    deleteConnection(access, connectionId, { removeProjects: input.removeProjects }),
  );
}

/** Check now: one health check at once, recorded like the sweep's; the result is also shown to the admin. */
export async function testConnectionAction(orgSlug: string, id: string) {
  return onConnection("connections.test", nothing, orgSlug, id, {}, (access, connectionId) => testConnectionNow(access, connectionId));
}

/** A new access token or API token, verified before the old one is dropped; projects and webhooks stay. */
export async function replaceTokenAction(orgSlug: string, id: string, rawInput: unknown) {
  return onConnection("connections.replace_token", replaceTokenInput, orgSlug, id, rawInput, async (access, connectionId, input) => {
    const { status } = await replaceToken(access, connectionId, input);
    return { status };
  });
}
