"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { SelectField, SubmitButton, TextField } from "@/components/form-fields";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { Notice } from "@/components/notice";
import { orgRoleLabels } from "@/components/role-badge";
import type { OrgRole } from "@/lib/access/roles";
import { saveMemberAction } from "./actions";

/** Add someone who has signed in here before, or change a member's role. Only owners see "Owner". */
export function MemberForm({ orgSlug, canGrantOwner }: { orgSlug: string; canGrantOwner: boolean }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<OrgRole>("member");
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (input: { email: string; role: OrgRole }) => saveMemberAction(orgSlug, input),
    onSuccess: (result, input) => {
      if (!result.ok) return;
      const article = input.role === "member" ? "a" : "an";
      setSaved(`${input.email.trim()} is now ${article} ${orgRoleLabels[input.role].toLowerCase()}.`);
      setEmail("");
    },
  });
  const { failure, formLevel, unreachable, fieldError } = useFormFailure(save, ["email", "role"], { hints: false });
  const roles: OrgRole[] = canGrantOwner ? ["member", "admin", "owner"] : ["member", "admin"];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    save.mutate({ email, role });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {saved && !failure ? <Notice tone="success" title="Saved">{saved}</Notice> : null}
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <TextField
          id="member-email"
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          value={email}
          error={fieldError("email")}
          description="The address they sign in with. They must have signed in here once."
          onChange={(event) => setEmail(event.target.value)}
        />
        <SelectField
          id="member-role"
          label="Role"
          name="role"
          value={role}
          error={fieldError("role")}
          onChange={(event) => setRole(event.target.value as OrgRole)}
        >
          {roles.map((option) => (
            <option key={option} value={option}>
              {orgRoleLabels[option]}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton pending={save.isPending} pendingText="Saving…">
        Save member
      </SubmitButton>
    </form>
  );
}
