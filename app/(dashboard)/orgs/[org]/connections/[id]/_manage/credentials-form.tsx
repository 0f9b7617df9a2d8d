"use client";

import { useState, type FormEvent } from "react";
import { BitbucketHostFields } from "@/components/bitbucket-host-fields";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { ConsumerKeyField, ConsumerSecretField } from "@/components/consumer-credential-fields";
import { SubmitButton } from "@/components/form-fields";
import { Notice } from "@/components/notice";
import { trimUrl } from "@/lib/connections/defaults";
import { updateCredentialsAction } from "../actions";
import { useConnectionMutation, type Target } from "./use-connection-mutation";

/**
 * Rotating the secret, or changing the key, Host URL or API URL: each is verified
 * against Bitbucket with the secret entered now, so a new host never receives the old one.
 */
export function CredentialsForm({
  target,
  current,
  urlsOwnerOnly = false,
}: {
  target: Target;
  current: { hostUrl: string; apiUrl: string; clientIdLast4: string | null };
  /** The connection is connected and the viewer is not an owner: the URLs are an owner's to change. */
  urlsOwnerOnly?: boolean;
}) {
  const [secret, setSecret] = useState("");
  const [key, setKey] = useState("");
  const [host, setHost] = useState({ hostUrl: current.hostUrl, apiUrl: current.apiUrl, apiEdited: true });
  const [advanced, setAdvanced] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const hostChanged = trimUrl(host.hostUrl) !== current.hostUrl;
  const apiChanged = trimUrl(host.apiUrl) !== current.apiUrl;
  const identityChange = hostChanged || apiChanged || key.trim() !== "";
  const { mutation, refreshing } = useConnectionMutation(
    (input: Record<string, string>) => updateCredentialsAction(target.orgSlug, target.id, input),
    () => {
      setDone(identityChange ? "Consumer changed and verified. The old tokens were deleted: choose Connect to authorize again." : "Secret rotated and verified.");
      setSecret("");
      setKey("");
    },
  );
  const { failure, formLevel, unreachable, fieldError } = useFormFailure(mutation, ["clientSecret", "clientId", "hostUrl", "apiUrl"]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    mutation.mutate(
      {
        clientSecret: secret,
        ...(key.trim() ? { clientId: key.trim() } : {}),
        ...(hostChanged ? { hostUrl: trimUrl(host.hostUrl) } : {}),
        ...(apiChanged ? { apiUrl: trimUrl(host.apiUrl) } : {}),
      },
      {
        onSuccess: (result) => {
          if (!result.ok && ["clientId", "hostUrl", "apiUrl"].includes(result.error.field ?? "")) setAdvanced(true);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {done && !failure ? <Notice tone="success" title={done} /> : null}
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <ConsumerSecretField
        id="rotate-secret"
        value={secret}
        error={fieldError("clientSecret")}
        description="The consumer's current secret on Bitbucket. It is verified before it replaces the stored one."
        onChange={setSecret}
      />
      <details open={advanced} onToggle={(event) => setAdvanced(event.currentTarget.open)} className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium">Customize settings (key, Host URL, API URL)</summary>
        <div className="mt-3 space-y-4">
          <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Changing the key, Host URL or API URL deletes the stored tokens: Bitbucket&apos;s grant belongs to the old consumer or host.
            Choose Connect afterwards to authorize again.
          </div>
          {urlsOwnerOnly ? (
            <p role="note" data-testid="urls-owner-only" className="text-sm text-slate-700">
              Only an owner can change the Host URL or API URL while this connection is connected, because its tokens would then go to
              the new address. You can still change the key or rotate the secret.
            </p>
          ) : null}
          <ConsumerKeyField
            id="rotate-key"
            value={key}
            savedKeyLast4={current.clientIdLast4}
            error={fieldError("clientId")}
            description={current.clientIdLast4 ? `Leave empty to keep the key ending in ${current.clientIdLast4}.` : "The consumer's Key."}
            onChange={setKey}
          />
          <BitbucketHostFields
            idPrefix="rotate"
            values={host}
            onChange={setHost}
            errors={{ hostUrl: fieldError("hostUrl"), apiUrl: fieldError("apiUrl") }}
          />
        </div>
      </details>
      <SubmitButton pending={mutation.isPending || refreshing} pendingText="Checking with Bitbucket…">
        {identityChange ? "Verify and change consumer" : "Rotate secret"}
      </SubmitButton>
    </form>
  );
}
