"use client";

import { ConfirmDanger } from "@/components/confirm-danger";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { disconnectConnectionAction } from "../actions";
import { useConnectionMutation, type Target } from "./use-connection-mutation";

/** Deletes the tokens and keeps the configuration, after saying so. */
export function DisconnectButton({ target, name, projectCount }: { target: Target; name: string; projectCount: number }) {
  const { mutation, refreshing } = useConnectionMutation(() => disconnectConnectionAction(target.orgSlug, target.id));
  const { formLevel, unreachable } = useFormFailure(mutation, []);
  return (
    <ConfirmDanger
      id="confirm-disconnect"
      open="Disconnect"
      title={`Disconnect “${name}”?`}
      confirm="Yes, disconnect"
      pending="Disconnecting…"
      busy={mutation.isPending || refreshing}
      onConfirm={() => mutation.mutate(undefined)}
      failure={<FormFailure formLevel={formLevel} unreachable={unreachable} />}
    >
      <p>Its access and refresh tokens are deleted here, so nothing can call Bitbucket through it until someone connects again.</p>
      <p>
        Kept: the key, secret and settings{projectCount > 0 ? `, and its ${projectCount === 1 ? "project" : `${projectCount} projects`}` : ""}. Connect
        restores it without setting anything up again.
      </p>
      <p>The Bitbucket account still lists this app among its authorizations until someone revokes it there.</p>
    </ConfirmDanger>
  );
}
