"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/actions/org-action";
import { addSubscription } from "@/lib/forwarding/add-subscription";
import { redeliver } from "@/lib/forwarding/redeliver";
import { removeSubscription } from "@/lib/forwarding/remove-subscription";
import { addSubscriptionInput, redeliverInput, subscriptionInput } from "@/lib/forwarding/schemas";
import { wakeOutbox } from "@/lib/outbox/worker";

// orgAction checks the session, the role and the input on the server; lib checks that the
// project, delivery and subscription belong to the organization.

/** Adds a subscription; the answer carries its signing secret, shown this once. */
export async function addSubscriptionAction(orgSlug: string, rawInput: unknown) {
  const result = await orgAction({ input: addSubscriptionInput, role: "admin", name: "forwarding.add" }, (input, access) => addSubscription(access, input))(orgSlug, rawInput);
  if (result.ok) revalidatePath(`/orgs/${orgSlug}/projects`, "layout");
  return result;
}

export async function removeSubscriptionAction(orgSlug: string, rawInput: unknown) {
  const result = await orgAction({ input: subscriptionInput, role: "admin", name: "forwarding.remove" }, async (input, access) => {
    await removeSubscription(access, input.subscriptionId);
    return { removed: true };
  })(orgSlug, rawInput);
  if (result.ok) revalidatePath(`/orgs/${orgSlug}/projects`, "layout");
  return result;
}

/** Sends a stored delivery to a subscription once more (through the outbox, so it is retried too). */
export async function redeliverAction(orgSlug: string, rawInput: unknown) {
  const result = await orgAction({ input: redeliverInput, role: "admin", name: "forwarding.redeliver" }, (input, access) => redeliver(access, input))(orgSlug, rawInput);
  if (result.ok) wakeOutbox();
  return result;
}
