"use client";

import { useMutation } from "@tanstack/react-query";
import type { MouseEvent, ReactNode } from "react";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { Notice } from "@/components/notice";
import { formatLatency } from "@/components/result-badge";
import { primaryButton, secondaryButton } from "@/components/styles";
import { hasGrant, isDisconnected, needsReauthorization } from "@/lib/connections/status";
import type { ConnectionHealth } from "@/lib/health/connection-health";
import { testConnectionAction } from "../actions";
import { reasonText } from "./health-timeline";

/** Scrolls to a section of the page (a Manage card) and puts the focus on its first control, without changing the address. */
function JumpLink({ target, children }: { target: string; children: ReactNode }) {
  function jump(event: MouseEvent<HTMLAnchorElement>) {
    const heading = document.getElementById(target);
    if (!heading) return;
    event.preventDefault();
    heading.scrollIntoView({ behavior: "smooth", block: "start" });
    const control = heading.closest("section")?.querySelector<HTMLElement>("input, button, a[href]");
    control?.focus({ preventScroll: true });
  }
  return (
    <a href={`#${target}`} onClick={jump} className={secondaryButton}>
      {children}
    </a>
  );
}

/** Test now, Connect or Reconnect, and the ways to the Manage cards that fix a problem. */
export function HealthActions({
  orgSlug,
  connection,
  tokenNote,
  manageAnchors,
  onTested,
}: {
  orgSlug: string;
  connection: ConnectionHealth["connection"];
  tokenNote: string;
  manageAnchors: { credentials: string; disconnect: string | null };
  onTested: () => void;
}) {
  const test = useMutation({ mutationFn: () => testConnectionAction(orgSlug, connection.id), onSettled: onTested });
  const hasToken = connection.expiresAt !== null;
  // A grant can outlive a working status (Error keeps it), so Reconnect follows the token.
  const reconnect = hasToken || hasGrant(connection.status);
  const tested = test.data;
  // Access tokens and API tokens have nothing to reconnect: a person replaces them.
  const oauth = connection.credentialType === "oauth_consumer";
  const testFailure = useFormFailure(test, []);
  return (
        <div className="mt-5 border-t border-slate-100 pt-4">
          <div role="group" aria-label="Health actions" className="flex flex-wrap items-center gap-2">
            {hasToken ? (
              <button type="button" onClick={() => test.mutate()} disabled={test.isPending} className={primaryButton}>
                {test.isPending ? "Testing…" : "Test now"}
              </button>
            ) : null}
            {oauth ? (
              <a href={connection.connectUrl} className={hasToken && !needsReauthorization(connection.status) ? secondaryButton : primaryButton}>
                {reconnect ? "Reconnect" : "Connect"}
              </a>
            ) : null}
            <JumpLink target={manageAnchors.credentials}>{oauth ? "Rotate secret" : "Replace token"}</JumpLink>
            {manageAnchors.disconnect && !isDisconnected(connection.status) ? <JumpLink target={manageAnchors.disconnect}>Disconnect</JumpLink> : null}
          </div>
          <p data-testid="token-destination" className="mt-2 text-sm text-slate-600">
            {tokenNote}
          </p>
          <div className="mt-3 empty:hidden">
            {tested?.ok === true ? (
              tested.data.ok ? (
                <Notice tone="success" title={`Check passed in ${formatLatency(tested.data.latencyMs)}.`} />
              ) : (
                <Notice tone="error" title={`Check failed after ${formatLatency(tested.data.latencyMs)}.`}>
                  {reasonText(tested.data.errorCode) ?? "Bitbucket did not answer as expected."}
                </Notice>
              )
            ) : (
              <FormFailure formLevel={testFailure.formLevel} unreachable={testFailure.unreachable} />
            )}
          </div>
        </div>
  );
}
