"use client";

import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { ConfirmDanger } from "@/components/confirm-danger";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { secondaryButton } from "@/components/styles";
import { changeUserAction } from "../actions";

type Change = "block" | "unblock" | "make_instance_owner";

const confirmations = {
  block: {
    title: (name: string) => `Block ${name}?`,
    points: [
      "They are signed out everywhere now and cannot sign in again.",
      "Their API tokens stop working.",
      "Kept: their organization memberships, what they set up, and the audit log. Unblocking lets them back in as before.",
    ],
    button: "Block",
  },
  make_instance_owner: {
    title: (name: string) => `Make ${name} the instance owner?`,
    points: [
      "They manage sign-in, people and organizations for the whole instance.",
      "You become an ordinary user; you keep your organizations and roles in them.",
    ],
    button: "Make instance owner",
  },
};

/** One instance-wide change for one person; the ones that take something away are confirmed inline. */
export function UserAction({ userId, name, change }: { userId: string; name: string; change: Change }) {
  const id = useId();
  const run = useMutation({ mutationFn: () => changeUserAction({ userId, change }) });
  const { formLevel, unreachable } = useFormFailure(run, []);
  const failure = <FormFailure formLevel={formLevel} unreachable={unreachable} />;

  if (change === "unblock") {
    // Gives back what blocking took; nothing to confirm.
    return (
      <div className="space-y-2">
        <button type="button" aria-label={`Unblock ${name}`} disabled={run.isPending} onClick={() => run.mutate()} className={`${secondaryButton} focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600`}>
          {run.isPending ? "Unblocking…" : "Unblock"}
        </button>
        {failure}
      </div>
    );
  }
  const text = confirmations[change];
  return (
    <ConfirmDanger
      id={id}
      open={text.button}
      openLabel={`${text.button}: ${name}`}
      title={text.title(name)}
      confirm={`${text.button}: ${name}`}
      pending="Working…"
      busy={run.isPending}
      onConfirm={() => run.mutate()}
      onCancel={() => run.reset()}
      failure={failure}
    >
      <ul className="list-disc space-y-1 pl-5">
        {text.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </ConfirmDanger>
  );
}
