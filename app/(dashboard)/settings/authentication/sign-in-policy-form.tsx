"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { SubmitButton, TextField } from "@/components/form-fields";
import { Notice } from "@/components/notice";
import { saveSignInPolicyAction } from "../actions";

/** The instance owner's form: allowed workspaces and email domains, comma-separated. */
export function SignInPolicyForm({ workspaces, emailDomains }: { workspaces: string[]; emailDomains: string[] }) {
  const [values, setValues] = useState({ workspaces: workspaces.join(", "), emailDomains: emailDomains.join(", ") });
  const save = useMutation({ mutationFn: (input: typeof values) => saveSignInPolicyAction(input) });
  const { formLevel, unreachable, fieldError } = useFormFailure(save, ["workspaces", "emailDomains"]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(values);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {save.data?.ok ? <Notice tone="success" title="Sign-in policy saved">It applies from the next sign-in.</Notice> : null}
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <TextField
        id="policy-workspaces"
        label="Allowed Bitbucket workspaces"
        name="workspaces"
        autoComplete="off"
        value={values.workspaces}
        error={fieldError("workspaces")}
        description="Workspace IDs as in bitbucket.org/{workspace}, separated by commas. Membership is checked with Bitbucket at every sign-in."
        onChange={(event) => setValues({ ...values, workspaces: event.target.value })}
      />
      <TextField
        id="policy-domains"
        label="Allowed email domains"
        name="emailDomains"
        autoComplete="off"
        value={values.emailDomains}
        error={fieldError("emailDomains")}
        description="Such as example.com, separated by commas. Matched exactly against the primary, confirmed Bitbucket email."
        onChange={(event) => setValues({ ...values, emailDomains: event.target.value })}
      />
      <p className="text-xs text-slate-500">Leave both empty to let anyone with a Bitbucket account sign in. You, the instance owner, can always sign in.</p>
      <SubmitButton pending={save.isPending} pendingText="Saving…">
        Save sign-in policy
      </SubmitButton>
    </form>
  );
}
