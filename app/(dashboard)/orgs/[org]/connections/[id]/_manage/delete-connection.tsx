"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { ConfirmDanger } from "@/components/confirm-danger";
import { deleteConnectionAction } from "../actions";
import type { Target } from "./use-connection-mutation";

/** Deleting asks once more, naming what goes and what stays on Bitbucket, projects included. */
export function DeleteConnection({ target, name, projectCount }: { target: Target; name: string; projectCount: number }) {
  const router = useRouter();
  const [removeProjects, setRemoveProjects] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteConnectionAction(target.orgSlug, target.id, { removeProjects }),
    onSuccess: (result) => {
      if (result.ok && result.data.hooksLeft.length === 0) router.push(`/orgs/${target.orgSlug}/connections`);
    },
  });
  const { formLevel, unreachable } = useFormFailure(mutation, []);
  const hooksLeft = mutation.data?.ok === true ? mutation.data.data.hooksLeft : [];
  const leaving = mutation.data?.ok === true && hooksLeft.length === 0;
  const projects = `${projectCount} project${projectCount === 1 ? "" : "s"}`;

  if (hooksLeft.length > 0) {
    return (
      <div role="status" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
        <p className="font-semibold">Deleted. Bitbucket did not let us remove these webhooks; delete them in each repository&apos;s settings:</p>
        <ul className="list-disc pl-5">{hooksLeft.map((repository) => <li key={repository}>{repository}</li>)}</ul>
        <a href={`/orgs/${target.orgSlug}/connections`} className="font-medium underline">Back to connections</a>
      </div>
    );
  }
  return (
    <ConfirmDanger
      id="confirm-delete"
      open="Delete connection"
      title={`Delete “${name}”?`}
      confirm="Yes, delete"
      pending="Deleting…"
      busy={mutation.isPending || leaving}
      disabled={projectCount > 0 && !removeProjects}
      onConfirm={() => mutation.mutate()}
      failure={<FormFailure formLevel={formLevel} unreachable={unreachable} />}
    >
      <p>
        Its tokens, stored secret and settings are deleted here. The consumer on Bitbucket stays: delete it there too if nothing else
        uses it.
      </p>
      {projectCount > 0 ? (
        <label className="flex items-start gap-2">
          <input type="checkbox" checked={removeProjects} onChange={(event) => setRemoveProjects(event.target.checked)} className="mt-0.5" />
          <span>
            {projects} {projectCount === 1 ? "uses" : "use"} this connection. Remove {projectCount === 1 ? "it" : "them"} too, with {projectCount === 1 ? "its webhook" : "their webhooks"} on
            Bitbucket.
          </span>
        </label>
      ) : null}
    </ConfirmDanger>
  );
}
