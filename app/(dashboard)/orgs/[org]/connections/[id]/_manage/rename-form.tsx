"use client";

import { useState, type FormEvent } from "react";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { SubmitButton, TextField } from "@/components/form-fields";
import { Notice } from "@/components/notice";
import { renameConnectionAction } from "../actions";
import { useConnectionMutation, type Target } from "./use-connection-mutation";

export function RenameForm({ target, name }: { target: Target; name: string }) {
  const [value, setValue] = useState(name);
  const [saved, setSaved] = useState(false);
  const { mutation, refreshing } = useConnectionMutation(
    (input: { name: string }) => renameConnectionAction(target.orgSlug, target.id, input),
    () => setSaved(true),
  );
  const { failure, formLevel, unreachable, fieldError } = useFormFailure(mutation, ["name"]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    mutation.mutate({ name: value });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {saved && !failure ? <Notice tone="success" title="Name saved" /> : null}
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <TextField
        id="rename-connection"
        label="Connection name"
        name="name"
        required
        maxLength={80}
        value={value}
        error={fieldError("name")}
        onChange={(event) => setValue(event.target.value)}
      />
      <SubmitButton pending={mutation.isPending || refreshing} pendingText="Saving…">
        Save name
      </SubmitButton>
    </form>
  );
}
