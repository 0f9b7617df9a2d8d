"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { ConfirmDanger } from "@/components/confirm-danger";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { removeMemberAction } from "./actions";

type Props = { orgSlug: string; orgName: string; member: { id: string; name: string; activeApiTokens: number }; isSelf: boolean };

/** Remove (or, on one's own row, Leave), confirmed inline: what happens and what is kept. */
export function RemoveMember({ orgSlug, orgName, member, isSelf }: Props) {
  const router = useRouter();
  const id = useId();
  const remove = useMutation({
    mutationFn: () => removeMemberAction(orgSlug, { userId: member.id }),
    onSuccess: (result) => {
      if (result.ok && isSelf) router.push("/dashboard");
    },
  });
  const { formLevel, unreachable } = useFormFailure(remove, []);

  const tokens = member.activeApiTokens === 1 ? "1 API token" : `${member.activeApiTokens} API tokens`;
  const [they, their] = isSelf ? ["You", "your"] : ["They", "their"];
  const action = isSelf ? `Leave ${orgName}` : `Remove ${member.name}`;
  return (
    <ConfirmDanger
      id={id}
      open={isSelf ? "Leave" : "Remove"}
      openLabel={action}
      title={isSelf ? `Leave ${orgName}?` : `Remove ${member.name} from ${orgName}?`}
      confirm={action}
      pending={isSelf ? "Leaving…" : "Removing…"}
      busy={remove.isPending}
      onConfirm={() => remove.mutate()}
      onCancel={() => remove.reset()}
      failure={<FormFailure formLevel={formLevel} unreachable={unreachable} />}
    >
      <ul className="list-disc space-y-1 pl-5">
        <li>{they} lose access at {their} next request, in the browser and through the API.</li>
        <li>
          {member.activeApiTokens > 0
            ? `${isSelf ? "Your" : "Their"} ${tokens} for this organization ${member.activeApiTokens === 1 ? "is" : "are"} revoked.`
            : "No API tokens to revoke."}
        </li>
        <li>
          Kept: connections, projects and webhooks {isSelf ? "you" : "they"} set up, the audit log, and {their} account here.
          {isSelf ? " An owner or admin can add you again." : " You can add them again later."}
        </li>
      </ul>
    </ConfirmDanger>
  );
}
