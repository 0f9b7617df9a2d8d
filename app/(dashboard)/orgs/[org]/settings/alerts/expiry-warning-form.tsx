"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SubmitButton, TextField } from "@/components/form-fields";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { setExpiryWarningAction } from "./actions";

/** How many days before a credential ends its connection shows "Expiring soon". */
export function ExpiryWarningForm({ orgSlug, days }: { orgSlug: string; days: number }) {
  const router = useRouter();
  const [value, setValue] = useState(String(days));
  const save = useMutation({ mutationFn: (input: { days: string }) => setExpiryWarningAction(orgSlug, input), onSuccess: (result) => result.ok && router.refresh() });
  const { formLevel, unreachable, fieldError } = useFormFailure(save, ["days"]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ days: value });
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3">
      <div className="w-56 max-w-full">
        <TextField id="expiry-days" label="Warn this many days ahead" name="days" type="number" min={1} max={90} inputMode="numeric" value={value} error={fieldError("days")} onChange={(event) => setValue(event.target.value)} />
      </div>
      <SubmitButton pending={save.isPending} pendingText="Saving…">
        Save
      </SubmitButton>
      {save.data?.ok ? <p role="status" className="text-sm text-slate-700">Saved.</p> : null}
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
    </form>
  );
}
