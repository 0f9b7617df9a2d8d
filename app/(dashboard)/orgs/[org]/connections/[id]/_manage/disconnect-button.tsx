"use client";

import { FormFailure, useFormFailure } from "@/components/form-failure";
import { secondaryButton } from "@/components/styles";
import { disconnectConnectionAction } from "../actions";
import { useConnectionMutation, type Target } from "./use-connection-mutation";

/** Deletes the tokens and keeps the configuration. */
export function DisconnectButton({ target }: { target: Target }) {
  const { mutation, refreshing } = useConnectionMutation(() => disconnectConnectionAction(target.orgSlug, target.id));
  const { formLevel, unreachable } = useFormFailure(mutation, []);
  return (
    <div className="space-y-3">
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <button type="button" onClick={() => mutation.mutate(undefined)} disabled={mutation.isPending || refreshing} className={secondaryButton}>
        {mutation.isPending || refreshing ? "Disconnecting…" : "Disconnect"}
      </button>
    </div>
  );
}
