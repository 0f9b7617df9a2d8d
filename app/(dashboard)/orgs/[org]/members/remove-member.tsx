"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Notice } from "@/components/notice";
import { dangerButton, secondaryButton } from "@/components/styles";
import { removeMemberAction } from "./actions";

type Props = { orgSlug: string; orgName: string; member: { id: string; name: string; activeApiTokens: number }; isSelf: boolean };

/**
 * Remove (or, on one's own row, Leave) with an inline confirmation that says what
 * happens and what is kept, instead of the browser's confirm box.
 */
export function RemoveMember({ orgSlug, orgName, member, isSelf }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const panelId = useId();
  const headingRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const remove = useMutation({
    mutationFn: () => removeMemberAction(orgSlug, { userId: member.id }),
    onSuccess: (result) => {
      if (result.ok && isSelf) router.push("/dashboard");
    },
  });
  const failure = remove.data?.ok === false ? remove.data.error : undefined;

  useEffect(() => {
    if (confirming) headingRef.current?.focus();
  }, [confirming]);

  function cancel() {
    setConfirming(false);
    remove.reset();
    requestAnimationFrame(() => openerRef.current?.focus());
  }

  const tokens = member.activeApiTokens === 1 ? "1 API token" : `${member.activeApiTokens} API tokens`;
  const verb = isSelf ? "Leave" : "Remove";
  if (!confirming) {
    return (
      <button
        ref={openerRef}
        type="button"
        aria-expanded={false}
        aria-controls={panelId}
        onClick={() => setConfirming(true)}
        aria-label={isSelf ? `Leave ${orgName}` : `Remove ${member.name}`}
        className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600"
      >
        {verb}
      </button>
    );
  }
  return (
    <div id={panelId} role="group" aria-label={isSelf ? `Leave ${orgName}` : `Remove ${member.name}`} className="w-full space-y-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-950">
      <p ref={headingRef} tabIndex={-1} className="font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600">
        {isSelf ? `Leave ${orgName}?` : `Remove ${member.name} from ${orgName}?`}
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          {isSelf ? "You lose" : "They lose"} access at {isSelf ? "your" : "their"} next request, in the browser and through the API.
        </li>
        <li>{member.activeApiTokens > 0 ? `${isSelf ? "Your" : "Their"} ${tokens} for this organization ${member.activeApiTokens === 1 ? "is" : "are"} revoked.` : "No API tokens to revoke."}</li>
        <li>
          Kept: connections, projects and webhooks {isSelf ? "you" : "they"} set up, the audit log, and {isSelf ? "your" : "their"} account here.
          {isSelf ? " An owner or admin can add you again." : " You can add them again later."}
        </li>
      </ul>
      {failure ? (
        <Notice tone="error" title={failure.message}>
          {failure.hint}
        </Notice>
      ) : null}
      {remove.isError ? <Notice tone="error" title="The server could not be reached.">Check your connection and try again.</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending} className={`${dangerButton} focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600 focus-visible:ring-offset-2`}>
          {remove.isPending ? `${verb === "Leave" ? "Leaving" : "Removing"}…` : isSelf ? `Leave ${orgName}` : `Remove ${member.name}`}
        </button>
        <button type="button" onClick={cancel} className={`${secondaryButton} focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600`}>
          Cancel
        </button>
      </div>
    </div>
  );
}
