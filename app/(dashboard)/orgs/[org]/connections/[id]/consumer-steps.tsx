"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { BitbucketHostFields } from "@/components/bitbucket-host-fields";
import { CopyField } from "@/components/copy-button";
import { SubmitButton, TextField } from "@/components/form-fields";
import { Notice } from "@/components/notice";
import { PermissionChecklist } from "@/components/permission-checklist";
import { SetupStep, type SetupStepState } from "@/components/setup-step";
import { WorkspaceDeepLink } from "@/components/workspace-deep-link";
import { fieldFailure, FormFailure } from "@/components/form-failure";
import {
  fieldForError,
  suggestApiUrl,
  trimUrl,
  type ConsumerFormField,
  type PermissionItem,
} from "@/lib/connections/setup-steps";
import { saveCredentialsAction, updateCredentialsAction } from "./actions";
import type { Failure } from "@/lib/errors/to-failure";

export type ConsumerStepsConnection = {
  id: string;
  name: string;
  hostUrl: string;
  apiUrl: string;
  clientIdLast4: string | null;
  consumerKind: "private" | "public" | null;
};


const CREDENTIAL_FIELDS = ["clientId", "clientSecret"];

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
  states,
  storedError,
}: {
  orgSlug: string;
  connection: ConsumerStepsConnection;
  formFields: ConsumerFormField[];
  checklist: PermissionItem[];
  states: { consumer: SetupStepState; credentials: SetupStepState };
  /** The last failed check of a draft, shown where it belongs until the next attempt. */
  storedError: { code: string; message: string; hint: string } | null;
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
    mutationFn: (input: { clientId: string; clientSecret: string; hostUrl: string; apiUrl: string }): Promise<{ ok: true } | { ok: false; error: Failure }> =>
      input.clientId || !connection.clientIdLast4
        ? saveCredentialsAction(orgSlug, connection.id, input)
        : // Key left empty: keep the saved one, re-verified with the secret entered now.
          updateCredentialsAction(orgSlug, connection.id, { clientSecret: input.clientSecret, hostUrl: input.hostUrl, apiUrl: input.apiUrl }),
    onSuccess: (result) => {
      if (!result.ok) {
        if (result.error.field === "hostUrl" || result.error.field === "apiUrl") openHost(false);
        return;
      }
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

  function openHost(focus: boolean) {
    setGuideOpen(true);
    setHostOpen(true);
    if (focus) {
      requestAnimationFrame(() => {
        hostInput.current?.scrollIntoView({ block: "center" });
        hostInput.current?.querySelector("input")?.focus();
      });
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ clientId: key.trim(), clientSecret: secret, hostUrl: trimUrl(host.hostUrl), apiUrl: trimUrl(host.apiUrl) });
  }

  const hostUrl = trimUrl(host.hostUrl);
  const guide = (
    <ol className="list-decimal space-y-6 pl-5 marker:font-semibold">
      <li className="space-y-2">
        <p>
          This connection uses Bitbucket at <strong className="break-all">{hostUrl || "(no Host URL)"}</strong>.
        </p>
        <details
          open={hostOpen}
          onToggle={(event) => setHostOpen(event.currentTarget.open)}
          className="rounded-md border border-slate-200 p-3"
        >
          <summary className="cursor-pointer font-medium">Customize settings</summary>
          <div ref={hostInput} className="mt-3 space-y-3">
            <p className="text-slate-600">
              Keep Bitbucket Cloud&apos;s addresses unless you use a sandbox or another compatible host. The link below follows the Host
              URL; both are saved with the key and secret in step 3.
            </p>
            <BitbucketHostFields
              idPrefix="bitbucket"
              values={host}
              onChange={setHost}
              suggestApi={suggestApiUrl}
              errors={{ hostUrl: fieldFailure(failure, "hostUrl"), apiUrl: fieldFailure(failure, "apiUrl") }}
            />
          </div>
        </details>
      </li>
      <li className="space-y-2">
        <p>
          Open the <strong>Add consumer</strong> page of the workspace that owns the repositories (Workspace settings → OAuth consumers →
          Add consumer). Only workspace admins can add consumers.
        </p>
        <WorkspaceDeepLink hostUrl={hostUrl} />
      </li>
      <li className="space-y-3">
        <p>Fill in the form:</p>
        <ul className="space-y-3">
          {formFields.map((field) => (
            <li key={field.field} className="rounded-md bg-slate-50 p-3">
              {field.value ? <CopyField label={field.field} value={field.value} /> : <p className="font-medium text-slate-700">{field.field}</p>}
              <p className="mt-1 text-slate-600">
                <span className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{field.required ? "Required" : "Optional"}</span>{" "}
                · {field.note}
              </p>
            </li>
          ))}
        </ul>
      </li>
      <li>
        <p>
          Tick <strong>This is a private consumer</strong>. A private consumer lets this app prove the key and secret the moment you
          paste them, so a typo shows up in step 3 rather than halfway through Connect. A public consumer also works, but its secret
          can only be confirmed when you connect.
        </p>
      </li>
      <li className="space-y-2">
        <p>Under Permissions, tick these boxes:</p>
        <PermissionChecklist label="Permissions to tick" items={checklist} />
        <p className="text-xs text-slate-500">
          Bitbucket ticks some boxes by itself (Repositories: Write also ticks Read); leave those ticked. Permissions belong to the
          consumer: what you tick here is exactly what Connect can grant.
        </p>
      </li>
      <li>
        <p>
          Choose <strong>Save</strong>. Bitbucket lists the new consumer; open it (its name, or Show secret) to see the{" "}
          <strong>Key</strong> and the <strong>Secret</strong> for step 3.
        </p>
      </li>
    </ol>
  );

  const verified = states.credentials === "done" && !editing;
  const publicConsumer = connection.consumerKind === "public";

  return (
    <>
      <SetupStep number={2} title="Create the consumer on Bitbucket" state={states.consumer}>
        {states.consumer === "done" ? (
          <details open={guideOpen} onToggle={(event) => setGuideOpen(event.currentTarget.open)}>
            <summary className="cursor-pointer text-slate-600">Show what to enter on Bitbucket</summary>
            <div className="mt-4">{guide}</div>
          </details>
        ) : (
          guide
        )}
      </SetupStep>

      <SetupStep number={3} title="Paste the key and secret" state={states.credentials}>
        {verified ? (
          <div className="space-y-3">
            <Notice tone="success" title={publicConsumer ? "Key and secret accepted." : "Key and secret verified"}>
              {publicConsumer
                ? "This is a public consumer, so Bitbucket confirms them fully when you connect."
                : "Bitbucket accepted this key and secret for a private consumer, at the Host URL and API URL below."}
            </Notice>
            <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="text-slate-500">Key</dt>
              <dd className="font-mono">••••{connection.clientIdLast4}</dd>
              <dt className="text-slate-500">Host URL</dt>
              <dd className="font-mono break-all">{connection.hostUrl}</dd>
              <dt className="text-slate-500">API URL</dt>
              <dd className="font-mono break-all">{connection.apiUrl}</dd>
            </dl>
            <button
              type="button"
              onClick={() => setEditing(true)}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
            >
              Change key or secret
            </button>
          </div>
        ) : (
          <CredentialsForm
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
                <button type="button" onClick={() => openHost(true)} className="text-brand-700 underline">
                  Customize settings
                </button>
              </p>
            }
            onCancel={states.credentials === "done" ? () => setEditing(false) : undefined}
          />
        )}
      </SetupStep>
    </>
  );
}

function CredentialsForm({
  failure,
  formLevel,
  keyValue,
  secret,
  savedKeyLast4,
  onKey,
  onSecret,
  onSubmit,
  pending,
  unreachable,
  hostLine,
  onCancel,
}: {
  failure: Failure | undefined;
  formLevel: Failure | undefined;
  keyValue: string;
  secret: string;
  savedKeyLast4: string | null;
  onKey: (value: string) => void;
  onSecret: (value: string) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  unreachable: boolean;
  hostLine: ReactNode;
  onCancel?: () => void;
}) {
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p>Copy both from the consumer on Bitbucket. The secret is stored encrypted and never shown again, not even here.</p>
      <FormFailure
        formLevel={formLevel}
        unreachable={unreachable}
        extra={formLevel?.field === "hostUrl" || formLevel?.field === "apiUrl" ? " The field is under Customize settings in step 2." : null}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="consumer-key"
          label="Key"
          name="clientId"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={keyValue}
          placeholder={savedKeyLast4 ? `••••${savedKeyLast4}` : undefined}
          error={fieldFailure(failure, "clientId")}
          description={
            savedKeyLast4 ? (
              <>
                Saved key: <span className="font-mono">••••{savedKeyLast4}</span>. Leave empty to keep it, or paste another.
              </>
            ) : (
              "The consumer's Key (its client ID)."
            )
          }
          onChange={(event) => onKey(event.target.value)}
        />
        <TextField
          id="consumer-secret"
          label="Secret"
          name="clientSecret"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={secret}
          error={fieldFailure(failure, "clientSecret")}
          description="The consumer's Secret (behind Show secret on Bitbucket)."
          onChange={(event) => onSecret(event.target.value)}
        />
      </div>
      {hostLine}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText="Checking with Bitbucket…">
          Verify key and secret
        </SubmitButton>
        {onCancel ? (
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100">
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
