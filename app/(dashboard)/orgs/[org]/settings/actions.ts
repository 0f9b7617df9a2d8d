"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/org-action";
import { setPublicStatus } from "@/lib/health/public-status";

const togglePublicStatus = orgAction(
  { input: z.object({ enabled: z.boolean() }), role: "admin", name: "set public status" },
  (input, access) => setPublicStatus(access, input.enabled),
);

export async function setPublicStatusAction(orgSlug: string, enabled: boolean) {
  const result = await togglePublicStatus(orgSlug, { enabled });
  if (result.ok) revalidatePath(`/orgs/${orgSlug}/settings`);
  return result;
}
