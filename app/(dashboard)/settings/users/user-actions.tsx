"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Notice } from "@/components/notice";
import { dangerButton, secondaryButton } from "@/components/styles";
import { changeUserAction } from "../actions";

type Change = "block" | "unblock" | "make_instance_owner";

const confirmations: Record<Change, { title: (name: string) => string; points: string[]; button: string }> = {
  block: {
    title: (name) => `Block ${name}?`,
    points: [
      "They are signed out everywhere now and cannot sign in again.",
      "Their API tokens stop working.",
      "Kept: their organization memberships, what they set up, and the audit log. Unblocking lets them back in as before.",
    ],
    button: "Block",
  },
  unblock: {
    title: (name) => `Unblock ${name}?`,
    points: ["They can sign in again (if the sign-in policy admits them) and their API tokens work again."],
    button: "Unblock",
  },
  make_instance_owner: {
    title: (name) => `Make ${name} the instance owner?`,
    points: [
      "They manage sign-in, people and organizations for the whole instance.",
      "You become an ordinary user; you keep your organizations and roles in them.",
    ],
    button: "Make instance owner",
  },
};

/** One instance-wide change for one person, confirmed inline (what happens, what is kept). */
export function UserAction({ userId, name, change }: { userId: string; name: string; change: Change }) {
  const [confirming, setConfirming] = useState(false);
  const titleRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const run = useMutation({ mutationFn: () => changeUserAction({ userId, change }) });
  const failure = run.data?.ok === false ? run.data.error : undefined;
  const text = confirmations[change];

  useEffect(() => {
    if (confirming) titleRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        ref={openerRef}
        type="button"
        onClick={() => setConfirming(true)}
        aria-label={`${text.button}: ${name}`}
        className={`${secondaryButton} py-1.5 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600`}
      >
        {text.button}
      </button>
    );
  }
  return (
    <div role="group" aria-label={text.title(name)} className="w-full space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
      <p ref={titleRef} tabIndex={-1} className="font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-600">
        {text.title(name)}
      </p>
      <ul className="list-disc space-y-1 pl-5">
        {text.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      {failure ? (
        <Notice tone="error" title={failure.message}>
          {failure.hint}
        </Notice>
      ) : null}
      {run.isError ? <Notice tone="error" title="The server could not be reached.">Check your connection and try again.</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={run.isPending} onClick={() => run.mutate()} className={`${change === "unblock" ? secondaryButton : dangerButton} focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600 focus-visible:ring-offset-2`}>
          {run.isPending ? "Working…" : `${text.button}: ${name}`}
        </button>
        <button
          type="button"
          onClick={() => {
            setConfirming(false);
            run.reset();
            requestAnimationFrame(() => openerRef.current?.focus());
          }}
          className={`${secondaryButton} focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600`}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
