"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CopyField } from "@/components/copy-button";
import { SubmitButton, TextField } from "@/components/form-fields";
import { ConfirmDanger } from "@/components/confirm-danger";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { Notice } from "@/components/notice";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

/** Names and creates a token, then shows its value once with a copy button. */
export function CreateTokenForm({ orgSlug }: { orgSlug: string }) {
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: (input: { name: string }) => createApiTokenAction(orgSlug, input),
    onSuccess: (result) => {
      if (result.ok) setName("");
    },
  });
  const result = create.data;
  const { formLevel, unreachable, fieldError } = useFormFailure(create, ["name"], { hints: false });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {result?.ok ? (
        <Notice tone="success" title={`Token “${result.data.name}” created`}>
          <p className="mb-3">Copy it now: it will not be shown again. Store it where your automation keeps secrets.</p>
          <CopyField label="New API token" value={result.data.token} />
        </Notice>
      ) : null}
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <TextField
        id="token-name"
        label="Name"
        name="name"
        autoComplete="off"
        required
        maxLength={80}
        value={name}
        error={fieldError("name")}
        description="What will use it, such as “Terraform CI”, so you know what breaks if you revoke it."
        onChange={(event) => setName(event.target.value)}
      />
      <SubmitButton pending={create.isPending} pendingText="Creating…">
        Create token
      </SubmitButton>
    </form>
  );
}

/** Revokes after an inline confirmation: whatever uses the token stops working at once. */
export function RevokeTokenButton({ orgSlug, id, name }: { orgSlug: string; id: string; name: string }) {
  const revoke = useMutation({ mutationFn: () => revokeApiTokenAction(orgSlug, { id }) });
  const { formLevel, unreachable } = useFormFailure(revoke, []);
  return (
    <ConfirmDanger
      id={`confirm-revoke-${id}`}
      open="Revoke"
      openLabel={`Revoke token ${name}`}
      title={`Revoke “${name}”?`}
      confirm="Yes, revoke"
      pending="Revoking…"
      busy={revoke.isPending}
      onConfirm={() => revoke.mutate()}
      failure={<FormFailure formLevel={formLevel} unreachable={unreachable} />}
    >
      <p>Anything using it gets 401 from the next request on. It stays listed here as revoked; create a new token to replace it.</p>
    </ConfirmDanger>
  );
}
