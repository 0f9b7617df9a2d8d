"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { removeProjectAction, retryHookAction } from "../actions";
import { ConfirmDanger } from "@/components/confirm-danger";
import { primaryButton } from "@/components/styles";

type Target = { orgSlug: string; projectId: string };

/**
 * Registers a failed webhook again; the page re-renders with the stored result either way,
 * so a refusal Bitbucket gave is shown there once, not here a second time.
 */
export function RetryHookButton({ target, shownErrorCode }: { target: Target; shownErrorCode: string | null }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const mutation = useMutation({
    mutationFn: () => retryHookAction(target.orgSlug, { projectId: target.projectId }),
    onSettled: () => startRefresh(() => router.refresh()),
  });
  const { formLevel, unreachable } = useFormFailure(mutation, []);
  const busy = mutation.isPending || refreshing;
  return (
    <div className="space-y-3">
      <FormFailure formLevel={busy || formLevel?.code === shownErrorCode ? undefined : formLevel} unreachable={unreachable} />
      <button type="button" className={primaryButton} disabled={busy} onClick={() => mutation.mutate()}>
        {busy ? "Registering…" : "Retry webhook registration"}
      </button>
    </div>
  );
}

/** Removing asks once more and says that the webhook on Bitbucket goes too. */
export function RemoveProject({ target, fullName }: { target: Target; fullName: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => removeProjectAction(target.orgSlug, { projectId: target.projectId }),
    onSuccess: (result) => {
      if (result.ok) router.push(`/orgs/${target.orgSlug}/projects`);
    },
  });
  const { formLevel, unreachable } = useFormFailure(mutation, []);
  const leaving = mutation.data?.ok === true;
  const busy = mutation.isPending || leaving;

  return (
    <ConfirmDanger
      id="confirm-remove"
      open="Remove project"
      title={`Remove ${fullName}?`}
      confirm="Yes, remove project"
      pending="Removing…"
      busy={busy}
      onConfirm={() => mutation.mutate()}
      failure={<FormFailure formLevel={formLevel} unreachable={unreachable} />}
    >
      <p>
        Its webhook on Bitbucket is removed too, so Bitbucket stops sending deliveries here, and the delivery log is deleted. The repository
        itself is not changed.
      </p>
    </ConfirmDanger>
  );
}
