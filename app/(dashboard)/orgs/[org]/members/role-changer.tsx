"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { orgRoleLabels } from "@/components/role-badge";
import { secondaryButton } from "@/components/styles";
import type { OrgRole } from "@/lib/access/roles";
import { changeRoleAction } from "./actions";

type Props = { orgSlug: string; member: { id: string; name: string; role: OrgRole }; choices: OrgRole[] };

const article = (role: OrgRole) => (role === "member" ? "a" : "an");

/**
 * A member's role on their row: pick another and save. `choices` mirrors what the viewer
 * may grant; the action checks again on the server (only owners grant or take away
 * ownership, the last owner stays), and its refusal shows here.
 */
export function RoleChanger({ orgSlug, member, choices }: Props) {
  const id = useId();
  const [role, setRole] = useState(member.role);
  // Someone else may change the role meanwhile: the row then shows what the server says.
  const [shown, setShown] = useState(member.role);
  if (shown !== member.role) {
    setShown(member.role);
    setRole(member.role);
  }
  const save = useMutation({ mutationFn: (next: OrgRole) => changeRoleAction(orgSlug, { userId: member.id, role: next }) });
  // Every failure, the role's own included, reads best as one message under the row.
  const { formLevel, unreachable } = useFormFailure(save, []);
  const saved = save.data?.ok && save.variables === member.role;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(role);
  }

  return (
    <>
      <form onSubmit={submit} className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Role of {member.name}
        </label>
        <select
          id={id}
          value={role}
          onChange={(event) => {
            setRole(event.target.value as OrgRole);
            save.reset();
          }}
          className="rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {orgRoleLabels[choice]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={role === member.role || save.isPending}
          aria-label={`Save role of ${member.name}`}
          className={`${secondaryButton} py-1.5 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600`}
        >
          {save.isPending ? "Saving…" : "Save"}
        </button>
        {saved ? (
          <span role="status" className="text-xs font-medium text-emerald-700">
            Saved<span className="sr-only">: {member.name} is now {article(member.role)} {orgRoleLabels[member.role].toLowerCase()}.</span>
          </span>
        ) : null}
      </form>
      {formLevel || unreachable ? (
        <div className="order-last w-full">
          <FormFailure formLevel={formLevel} unreachable={unreachable} />
        </div>
      ) : null}
    </>
  );
}
