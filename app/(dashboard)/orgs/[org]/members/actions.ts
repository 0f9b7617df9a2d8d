"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/org-action";
import { changeMemberRole, setMember } from "@/lib/orgs/members";
import { removeMember } from "@/lib/orgs/remove-member";
import { memberInput, roleChangeInput } from "@/lib/orgs/schemas";

const setMemberChecked = orgAction({ input: memberInput, role: "admin", name: "members.set" }, (input, access) =>
  setMember(access, input),
);

/** Adds someone to the organization or changes their role. */
export async function saveMemberAction(orgSlug: string, rawInput: unknown) {
  const result = await setMemberChecked(orgSlug, rawInput);
  // The whole organization: the list here, and the sidebar's role if one's own changed.
  if (result.ok) revalidatePath(`/orgs/${orgSlug}`, "layout");
  return result;
}

const changeRoleChecked = orgAction({ input: roleChangeInput, role: "admin", name: "members.change_role" }, (input, access) =>
  changeMemberRole(access, input),
);

/** Changes a member's role from their row; the use case decides who may grant or take away what. */
export async function changeRoleAction(orgSlug: string, rawInput: unknown) {
  const result = await changeRoleChecked(orgSlug, rawInput);
  if (result.ok) revalidatePath(`/orgs/${orgSlug}`, "layout");
  return result;
}

const removeMemberChecked = orgAction(
  { input: z.object({ userId: z.string().min(1).max(64) }), role: "member", name: "members.remove" },
  (input, access) => removeMember(access, input.userId),
);

/** Removes someone (or, for one's own id, leaves); the use case checks who may remove whom. */
export async function removeMemberAction(orgSlug: string, rawInput: unknown) {
  const result = await removeMemberChecked(orgSlug, rawInput);
  if (result.ok) revalidatePath(`/orgs/${orgSlug}`, "layout");
  return result;
}
