"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CopyField } from "@/components/copy-button";
import { SubmitButton, TextField } from "@/components/form-fields";
import { FormFailure, UNREACHABLE, useFormFailure } from "@/components/form-failure";
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

/** Revokes after a confirmation: whatever uses the token stops working at once. */
export function RevokeTokenButton({ orgSlug, id, name }: { orgSlug: string; id: string; name: string }) {
  const revoke = useMutation({ mutationFn: () => revokeApiTokenAction(orgSlug, { id }) });
  const { failure, unreachable } = useFormFailure(revoke, []);

  function confirmAndRevoke() {
    if (window.confirm(`Revoke “${name}”? Anything using it stops working at once.`)) revoke.mutate();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={confirmAndRevoke}
        disabled={revoke.isPending}
        aria-label={`Revoke token ${name}`}
        className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600 disabled:opacity-60"
      >
        {revoke.isPending ? "Revoking…" : "Revoke"}
      </button>
      {failure || unreachable ? (
        <p role="alert" className="text-xs text-red-700">
          {failure ? `${failure.message} ${failure.hint}` : UNREACHABLE.message}
        </p>
      ) : null}
    </div>
  );
}
