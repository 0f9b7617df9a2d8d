"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/actions/org-action";
import { setMember } from "@/lib/orgs/members";
import { memberInput } from "@/lib/orgs/schemas";

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
