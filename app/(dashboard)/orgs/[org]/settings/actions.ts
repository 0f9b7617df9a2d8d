"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/org-action";
import { CHECK_INTERVAL_SECONDS, setCheckInterval } from "@/lib/health/check-interval";
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

const changeCheckInterval = orgAction(
  {
    input: z.object({ seconds: z.coerce.number().refine((value) => CHECK_INTERVAL_SECONDS.includes(value), "Choose one of the listed intervals") }),
    role: "admin",
    name: "set check interval",
  },
  (input, access) => setCheckInterval(access, input.seconds),
);

export async function setCheckIntervalAction(orgSlug: string, seconds: number) {
  const result = await changeCheckInterval(orgSlug, { seconds });
  if (result.ok) revalidatePath(`/orgs/${orgSlug}/settings`);
  return result;
}
