"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { BitbucketHostFields } from "@/components/bitbucket-host-fields";
import { SubmitButton, TextField } from "@/components/form-fields";
import { Notice } from "@/components/notice";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { suggestApiUrl, trimUrl } from "@/lib/connections/setup-steps";
import {
  deleteConnectionAction,
  disconnectConnectionAction,
  renameConnectionAction,
  updateCredentialsAction,
} from "./actions";
import { dangerButton, secondaryButton } from "@/components/styles";

type Target = { orgSlug: string; id: string };


/** Runs a mutation and, when it succeeds, re-renders the server page so it shows the new state. */
function useConnectionMutation<I, R extends { ok: boolean }>(run: (input: I) => Promise<R>, after?: (result: R) => void) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      if (!result.ok) return;
      after?.(result);
      startRefresh(() => router.refresh());
    },
  });
  return { mutation, refreshing };
}

export function RenameForm({ target, name }: { target: Target; name: string }) {
  const [value, setValue] = useState(name);
  const [saved, setSaved] = useState(false);
  const { mutation, refreshing } = useConnectionMutation(
    (input: { name: string }) => renameConnectionAction(target.orgSlug, target.id, input),
    () => setSaved(true),
  );
  const { failure, formLevel, unreachable, fieldError } = useFormFailure(mutation, ["name"]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    mutation.mutate({ name: value });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {saved && !failure ? <Notice tone="success" title="Name saved" /> : null}
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <TextField
        id="rename-connection"
        label="Connection name"
        name="name"
        required
        maxLength={80}
        value={value}
        error={fieldError("name")}
        onChange={(event) => setValue(event.target.value)}
      />
      <SubmitButton pending={mutation.isPending || refreshing} pendingText="Saving…">
        Save name
      </SubmitButton>
    </form>
  );
}

/**
 * Rotating the secret, or changing the key, Host URL or API URL: each is verified
 * against Bitbucket with the secret entered now, so a new host never receives the old one.
 */
export function CredentialsForm({
  target,
  current,
}: {
  target: Target;
  current: { hostUrl: string; apiUrl: string; clientIdLast4: string | null };
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
      <TextField
        id="rotate-secret"
        label="Secret"
        name="clientSecret"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={secret}
        error={fieldError("clientSecret")}
        description="The consumer's current secret on Bitbucket. It is verified before it replaces the stored one."
        onChange={(event) => setSecret(event.target.value)}
      />
      <details open={advanced} onToggle={(event) => setAdvanced(event.currentTarget.open)} className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium">Customize settings (key, Host URL, API URL)</summary>
        <div className="mt-3 space-y-4">
          <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Changing the key, Host URL or API URL deletes the stored tokens: Bitbucket&apos;s grant belongs to the old consumer or host.
            Choose Connect afterwards to authorize again.
          </div>
          <TextField
            id="rotate-key"
            label="Key"
            name="clientId"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={key}
            placeholder={current.clientIdLast4 ? `••••${current.clientIdLast4}` : undefined}
            error={fieldError("clientId")}
            description={current.clientIdLast4 ? `Leave empty to keep the key ending in ${current.clientIdLast4}.` : "The consumer's Key."}
            onChange={(event) => setKey(event.target.value)}
          />
          <BitbucketHostFields
            idPrefix="rotate"
            values={host}
            onChange={setHost}
            suggestApi={suggestApiUrl}
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

/** Deletes the tokens and keeps the configuration. */
export function DisconnectButton({ target }: { target: Target }) {
  const { mutation, refreshing } = useConnectionMutation(() => disconnectConnectionAction(target.orgSlug, target.id));
  const { formLevel, unreachable } = useFormFailure(mutation, []);
  return (
    <div className="space-y-3">
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <button type="button" onClick={() => mutation.mutate(undefined)} disabled={mutation.isPending || refreshing} className={secondaryButton}>
        {mutation.isPending || refreshing ? "Disconnecting…" : "Disconnect"}
      </button>
    </div>
  );
}

/** Deleting asks once more, naming what goes and what stays on Bitbucket, projects included. */
export function DeleteConnection({ target, name, projectCount }: { target: Target; name: string; projectCount: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
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
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className={secondaryButton}>
        Delete connection
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby="confirm-delete" className="space-y-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p id="confirm-delete" className="font-semibold">
        Delete “{name}”?
      </p>
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
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => mutation.mutate()}
          disabled={mutation.isPending || leaving || (projectCount > 0 && !removeProjects)}
          className={dangerButton}
        >
          {mutation.isPending || leaving ? "Deleting…" : "Yes, delete"}
        </button>
        <button type="button" onClick={() => setConfirming(false)} disabled={mutation.isPending || leaving} className={secondaryButton}>
          Cancel
        </button>
      </div>
    </div>
  );
}
