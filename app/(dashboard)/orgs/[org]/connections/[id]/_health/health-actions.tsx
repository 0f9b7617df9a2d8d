"use client";

import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { Notice } from "@/components/notice";
import { formatLatency } from "@/components/result-badge";
import { primaryButton, secondaryButton } from "@/components/styles";
import { hasGrant, needsReauthorization } from "@/lib/connections/status";
import type { ConnectionHealth } from "@/lib/health/connection-health";
import { testConnectionAction } from "../actions";
import { reasonText } from "./health-timeline";

/**
 * The connection's actions, each in one place: Check now, Connect or Reconnect, and
 * Disconnect. Replacing credentials, renaming and deleting are in the sections below.
 */
export function HealthActions({
  orgSlug,
  connection,
  tokenNote,
  disconnect,
  onChecked,
}: {
  orgSlug: string;
  connection: ConnectionHealth["connection"];
  tokenNote: string;
  disconnect: ReactNode;
  onChecked: () => void;
}) {
  const test = useMutation({ mutationFn: () => testConnectionAction(orgSlug, connection.id), onSettled: onChecked });
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
            {test.isPending ? "Checking…" : "Check now"}
          </button>
        ) : null}
        {oauth ? (
          <a href={connection.connectUrl} className={hasToken && !needsReauthorization(connection.status) ? secondaryButton : primaryButton}>
            {reconnect ? "Reconnect" : "Connect"}
          </a>
        ) : null}
        {disconnect}
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
