"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { instanceAction } from "@/lib/actions/instance-action";
import { saveSignInPolicy, signInPolicyInput } from "@/lib/auth/sign-in-policy";
import { blockUser, transferInstanceOwnership, unblockUser } from "@/lib/users/manage-users";

const savePolicy = instanceAction({ input: signInPolicyInput, name: "sign_in_policy.save" }, async (input, actor) => {
  await saveSignInPolicy(actor, input);
  return input;
});

export async function saveSignInPolicyAction(rawInput: unknown) {
  const result = await savePolicy(rawInput);
  if (result.ok) revalidatePath("/settings/authentication");
  return result;
}

const userChange = z.object({
  userId: z.string().min(1).max(64),
  change: z.enum(["block", "unblock", "make_instance_owner"]),
});

const changeUser = instanceAction({ input: userChange, name: "users.change" }, async ({ userId, change }, actor) => {
  if (change === "block") await blockUser(actor, userId);
  else if (change === "unblock") await unblockUser(actor, userId);
  else await transferInstanceOwnership(actor, userId);
  return { userId, change };
});

/** Blocks or unblocks someone, or hands them the instance; only the instance owner may. */
export async function changeUserAction(rawInput: unknown) {
  const result = await changeUser(rawInput);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
