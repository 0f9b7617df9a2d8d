"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { SetupStep, type SetupStepState } from "@/components/setup-step";
import { fieldFailure } from "@/components/form-failure";
import { fieldForError, type ConsumerFormField } from "@/lib/connections/setup-steps";
import { suggestApiUrl, trimUrl } from "@/lib/connections/defaults";
import { tokenDestination } from "@/lib/connections/token-destination";
import { type PermissionItem } from "@/lib/vcs/bitbucket-cloud/permission-checklist";
import { saveCredentialsAction, updateCredentialsAction } from "../actions";
import { ConsumerCredentialsForm } from "./consumer-credentials-form";
import { ConsumerGuide } from "./consumer-guide";
import { VerifiedCredentials } from "./verified-credentials";
import type { Failure } from "@/lib/errors/to-failure";
import type { SignInWorkspaces } from "@/lib/auth/read-sign-in-workspaces";

export type ConsumerStepsConnection = {
  id: string;
  name: string;
  hostUrl: string;
  apiUrl: string;
  clientIdLast4: string | null;
  consumerKind: "private" | "public" | null;
  connectUrl: string;
};


const CREDENTIAL_FIELDS = ["clientId", "clientSecret"];

function focusField(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Where tokens will go, for the URLs as typed so far; nothing while they are not URLs yet. */
function destinationWhileTyping(hostUrl: string, apiUrl: string): string {
  try {
    return tokenDestination(hostUrl, apiUrl);
  } catch {
    return "";
  }
}

/**
 * Steps 2 and 3 of the setup. They share the Bitbucket host: the Host URL chosen in
 * step 2 builds the link to Bitbucket's form and is the one step 3 verifies against
 * (and saves, with the key and secret).
 */
export function ConsumerSteps({
  orgSlug,
  connection,
  formFields,
  checklist,
  signInWorkspaces,
  states,
  storedError,
  connectStep,
}: {
  orgSlug: string;
  connection: ConsumerStepsConnection;
  formFields: ConsumerFormField[];
  checklist: PermissionItem[];
  /** The admin's own workspaces, offered while the Host URL is the one they signed in with. */
  signInWorkspaces: SignInWorkspaces | null;
  states: { consumer: SetupStepState; credentials: SetupStepState };
  /** The last failed check of a draft, shown where it belongs until the next attempt. */
  storedError: { code: string; message: string; hint: string } | null;
  /** Step 4, rendered by the page; held back while a new key or secret is being entered. */
  connectStep: ReactNode;
}) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [host, setHost] = useState({ hostUrl: connection.hostUrl, apiUrl: connection.apiUrl, apiEdited: connection.apiUrl !== suggestApiUrl(connection.hostUrl) });
  const [hostOpen, setHostOpen] = useState(false);
  const [guideOpen, setGuideOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [key, setKey] = useState("");
  const [secret, setSecret] = useState("");
  const hostInput = useRef<HTMLDivElement>(null);

  const save = useMutation({
    mutationFn: ({ connect: _connect, ...input }: { clientId: string; clientSecret: string; hostUrl: string; apiUrl: string; connect: boolean }): Promise<{ ok: true } | { ok: false; error: Failure }> =>
      input.clientId || !connection.clientIdLast4
        ? saveCredentialsAction(orgSlug, connection.id, input)
        : // Key left empty: keep the saved one, re-verified with the secret entered now.
          updateCredentialsAction(orgSlug, connection.id, { clientSecret: input.clientSecret, hostUrl: input.hostUrl, apiUrl: input.apiUrl }),
    onSuccess: (result, input) => {
      if (!result.ok) {
        const field = result.error.field;
        if (field === "hostUrl" || field === "apiUrl") openHost(field);
        else if (field === "clientId" || field === "clientSecret") focusField(field === "clientId" ? "consumer-key" : "consumer-secret");
        return;
      }
      // "Verify and connect": straight on to Bitbucket's Grant access page.
      if (input.connect) return window.location.assign(connection.connectUrl);
      setKey("");
      setSecret("");
      setEditing(false);
      startRefresh(() => router.refresh());
    },
  });
  const attempted: Failure | undefined = save.data?.ok === false ? save.data.error : undefined;
  const stored: Failure | undefined = storedError ? { ...storedError, field: fieldForError(storedError.code) ?? undefined } : undefined;
  const failure = save.data || save.isPending ? attempted : stored;
  const formLevel = failure && !CREDENTIAL_FIELDS.some((field) => fieldFailure(failure, field)) ? failure : undefined;

  /** Opens the host settings; with a field, scrolls to it and puts the cursor there. */
  function openHost(field: "hostUrl" | "apiUrl" | null) {
    setGuideOpen(true);
    setHostOpen(true);
    if (field) {
      requestAnimationFrame(() => {
        const inputs = hostInput.current?.querySelectorAll("input");
        const input = inputs?.[field === "apiUrl" ? 1 : 0];
        input?.scrollIntoView({ block: "center" });
        input?.focus();
      });
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    save.mutate({ clientId: key.trim(), clientSecret: secret, hostUrl: trimUrl(host.hostUrl), apiUrl: trimUrl(host.apiUrl), connect: submitter?.value === "connect" });
  }

  const hostUrl = trimUrl(host.hostUrl);
  const guide = (
    <ConsumerGuide
      hostUrl={hostUrl}
      host={host}
      onHost={setHost}
      hostOpen={hostOpen}
      onHostOpen={setHostOpen}
      hostInput={hostInput}
      hostErrors={{ hostUrl: fieldFailure(failure, "hostUrl"), apiUrl: fieldFailure(failure, "apiUrl") }}
      formFields={formFields}
      checklist={checklist}
      signInWorkspaces={signInWorkspaces}
    />
  );

  const verified = states.credentials === "done" && !editing;
  // No check mark beside an error: a step whose field is at fault is the current one again.
  const hostAtFault = failure?.field === "hostUrl" || failure?.field === "apiUrl";
  const consumerState: SetupStepState = hostAtFault && states.consumer === "done" ? "current" : states.consumer;
  // While the key or secret is being changed, the saved pair is not what the person means
  // to connect with: no ✓ on step 3 and no Connect until the new pair is verified or cancelled.
  const credentialsState: SetupStepState = editing || (failure && states.credentials === "done") ? "current" : states.credentials;

  return (
    <>
      <SetupStep number={2} title="Create the consumer on Bitbucket" state={consumerState}>
        {states.consumer === "done" ? (
          <details open={guideOpen} onToggle={(event) => setGuideOpen(event.currentTarget.open)}>
            <summary className="cursor-pointer text-slate-600">Show what to enter on Bitbucket</summary>
            <div className="mt-4">{guide}</div>
          </details>
        ) : (
          guide
        )}
      </SetupStep>

      <SetupStep number={3} title="Paste the key and secret" state={credentialsState}>
        {verified ? (
          <VerifiedCredentials connection={connection} onChange={() => setEditing(true)} />
        ) : (
          <ConsumerCredentialsForm
            failure={failure}
            formLevel={formLevel}
            keyValue={key}
            secret={secret}
            savedKeyLast4={connection.clientIdLast4}
            onKey={setKey}
            onSecret={setSecret}
            onSubmit={submit}
            pending={save.isPending || refreshing}
            unreachable={save.isError}
            hostLine={
              <p className="text-slate-600">
                Checked against <span className="font-mono break-all">{hostUrl}</span> and{" "}
                <span className="font-mono break-all">{trimUrl(host.apiUrl)}</span>.{" "}
                <button type="button" onClick={() => openHost("hostUrl")} className="text-brand-700 underline">
                  Customize settings
                </button>
              </p>
            }
            onCancel={
              states.credentials === "done"
                ? () => {
                    // Back to the saved, verified pair: the failed attempt no longer applies.
                    save.reset();
                    setEditing(false);
                  }
                : undefined
            }
            connectNote={states.credentials === "done" ? undefined : destinationWhileTyping(hostUrl, trimUrl(host.apiUrl))}
          />
        )}
      </SetupStep>

      {editing ? (
        <SetupStep number={4} title="Connect" state="upcoming">
          <p className="text-slate-500">Verify the new key and secret, or cancel to keep the saved ones, then connect.</p>
        </SetupStep>
      ) : (
        connectStep
      )}
    </>
  );
}
