"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/org-action";
import { addDestination, removeDestination } from "@/lib/alerts/manage-destinations";
import { destinationInput, expiryWarningInput } from "@/lib/alerts/schemas";
import { alertsSettingsPath, sendTestAlert } from "@/lib/alerts/send-test-alert";
import { setExpiryWarningDays } from "@/lib/alerts/set-expiry-warning";

const addChecked = orgAction({ input: destinationInput, role: "admin", name: "alerts.add_destination" }, (input, access) => addDestination(access, input));
const removeChecked = orgAction({ input: z.object({ id: z.string().min(1).max(64) }), role: "admin", name: "alerts.remove_destination" }, (input, access) =>
  removeDestination(access, input.id),
);
const testChecked = orgAction({ input: z.object({}), role: "admin", name: "alerts.test" }, (_input, access) => sendTestAlert(access));
const warningChecked = orgAction({ input: expiryWarningInput, role: "admin", name: "alerts.expiry_warning" }, (input, access) => setExpiryWarningDays(access, input.days));

function refreshed<T extends { ok: boolean }>(orgSlug: string, result: T): T {
  if (result.ok) revalidatePath(alertsSettingsPath(orgSlug));
  return result;
}

/** Adds a destination; a signed-JSON one returns its signing secret, the only time it leaves the server. */
export async function addDestinationAction(orgSlug: string, rawInput: unknown) {
  return refreshed(orgSlug, await addChecked(orgSlug, rawInput));
}
export async function removeDestinationAction(orgSlug: string, rawInput: unknown) {
  return refreshed(orgSlug, await removeChecked(orgSlug, rawInput));
}
export async function sendTestAlertAction(orgSlug: string) {
  return refreshed(orgSlug, await testChecked(orgSlug, {}));
}
export async function setExpiryWarningAction(orgSlug: string, rawInput: unknown) {
  return refreshed(orgSlug, await warningChecked(orgSlug, rawInput));
}
