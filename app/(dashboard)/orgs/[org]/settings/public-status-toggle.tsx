"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { CopyField } from "@/components/copy-button";
import { Notice } from "@/components/notice";
import { primaryButton, secondaryButton } from "@/components/styles";
import { setPublicStatusAction } from "./actions";

const focusRing = "focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2";

/**
 * Turning the public status page on first says what it will show to anyone with the
 * address, and asks; turning it off is one click.
 */
export function PublicStatusToggle({ orgSlug, orgName, url }: { orgSlug: string; orgName: string; url: string | null }) {
  const router = useRouter();
  const [explaining, setExplaining] = useState(false);
  const titleRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const [refreshing, startRefresh] = useTransition();
  const mutation = useMutation({
    mutationFn: (enabled: boolean) => setPublicStatusAction(orgSlug, enabled),
    onSuccess: (result) => result.ok && startRefresh(() => router.refresh()),
  });
  const busy = mutation.isPending || refreshing;
  const failure = mutation.data && !mutation.data.ok ? mutation.data.error : null;

  useEffect(() => {
    if (explaining) titleRef.current?.focus();
    else if (returnFocus.current) openerRef.current?.focus();
    returnFocus.current = false;
  }, [explaining]);

  function cancel() {
    returnFocus.current = true;
    setExplaining(false);
  }

  return (
    <div className="space-y-3">
      {url ? <CopyField label="Public status page" value={url} /> : <p className="text-sm text-slate-600">Off. Only members can see status.</p>}
      {url ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setExplaining(false);
            mutation.mutate(false);
          }}
          className={`${secondaryButton} ${focusRing}`}
        >
          Turn off the public status page
        </button>
      ) : explaining ? (
        <div role="group" aria-labelledby="public-status-explained" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p id="public-status-explained" ref={titleRef} tabIndex={-1} className={`font-semibold ${focusRing}`}>
            Make {orgName}&apos;s status public?
          </p>
          <p>Anyone with the page&apos;s address can open it, without signing in. It shows:</p>
          <ul data-testid="public-status-shows" className="list-disc space-y-1 pl-5">
            <li>the organization&apos;s name, “{orgName}”</li>
            <li>each connection&apos;s name</li>
            <li>each connection&apos;s status and uptime over the last day and week, with its last successful check and when its credential ends</li>
          </ul>
          <p>
            Nothing else: no Bitbucket accounts, addresses, keys or tokens, and no links into this dashboard. You can turn it off at any time; the
            address then stops working.
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={busy} onClick={() => mutation.mutate(true)} className={primaryButton}>
              {busy ? "Turning on…" : "Yes, make it public"}
            </button>
            <button type="button" disabled={busy} onClick={cancel} className={`${secondaryButton} ${focusRing}`}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button ref={openerRef} type="button" onClick={() => setExplaining(true)} className={`${secondaryButton} ${focusRing}`}>
          Turn on a public status page
        </button>
      )}
      {failure ? <Notice tone="error" title={failure.message}>{failure.hint}</Notice> : null}
    </div>
  );
}
