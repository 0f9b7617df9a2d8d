"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ConfirmDanger } from "@/components/confirm-danger";
import { CopyField } from "@/components/copy-button";
import { SelectField, SubmitButton, TextField } from "@/components/form-fields";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { Notice } from "@/components/notice";
import { secondaryButton } from "@/components/styles";
import { addDestinationAction, removeDestinationAction, sendTestAlertAction } from "./actions";

const FORMATS = [
  { value: "slack", label: "Slack (incoming webhook)" },
  { value: "teams", label: "Microsoft Teams (workflow webhook)" },
  { value: "json", label: "Signed JSON (your own endpoint)" },
];

/** Adds a webhook URL (with its message format) or an e-mail address. */
export function AddDestinationForm({ orgSlug, emailAvailable }: { orgSlug: string; emailAvailable: boolean }) {
  const router = useRouter();
  const [kind, setKind] = useState<"webhook" | "email">("webhook");
  const [format, setFormat] = useState("slack");
  const [url, setUrl] = useState("");
  const [email, setEmail] = useState("");
  const add = useMutation({
    mutationFn: (input: object) => addDestinationAction(orgSlug, input),
    onSuccess: (result) => {
      if (!result.ok) return;
      setUrl("");
      setEmail("");
      router.refresh();
    },
  });
  const { formLevel, unreachable, fieldError } = useFormFailure(add, ["url", "email", "format"]);
  const secret = add.data?.ok ? add.data.data.signingSecret : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate(kind === "webhook" ? { kind, format, url } : { kind, email });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {secret ? (
        <Notice tone="success" title="Destination added">
          <p className="mb-3">
            Each request carries <code>X-Vcs-Connect-Signature: sha256=…</code>, the HMAC-SHA256 of the raw body with this secret. Copy it now: it is not shown again.
          </p>
          <CopyField label="Signing secret" value={secret} />
        </Notice>
      ) : null}
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Send alerts to</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="webhook" checked={kind === "webhook"} onChange={() => setKind("webhook")} />A webhook URL
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="email" checked={kind === "email"} disabled={!emailAvailable} onChange={() => setKind("email")} />
            An e-mail address{emailAvailable ? "" : " (needs SMTP settings)"}
          </label>
        </div>
      </fieldset>
      {kind === "webhook" ? (
        <>
          <SelectField id="alert-format" label="Message format" name="format" value={format} error={fieldError("format")} onChange={(event) => setFormat(event.target.value)}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </SelectField>
          <TextField
            id="alert-url"
            label="Webhook URL"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            required
            value={url}
            error={fieldError("url")}
            description="Slack: Apps → Incoming Webhooks → Add New Webhook. Teams: a channel's Workflows → “Post to a channel when a webhook request is received”. Kept sealed; only its host is shown."
            onChange={(event) => setUrl(event.target.value)}
          />
        </>
      ) : (
        <TextField
          id="alert-email"
          label="E-mail address"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          error={fieldError("email")}
          description="A shared mailbox or list is best, so alerts reach whoever is on duty."
          onChange={(event) => setEmail(event.target.value)}
        />
      )}
      <SubmitButton pending={add.isPending} pendingText="Adding…">
        Add destination
      </SubmitButton>
    </form>
  );
}

/** Removes a destination after an inline confirmation. */
export function RemoveDestination({ orgSlug, id, name }: { orgSlug: string; id: string; name: string }) {
  const router = useRouter();
  const remove = useMutation({ mutationFn: () => removeDestinationAction(orgSlug, { id }), onSuccess: (result) => result.ok && router.refresh() });
  const { failure, unreachable } = useFormFailure(remove, []);
  return (
    <ConfirmDanger
      id={`remove-${id}`}
      open="Remove"
      title={`Remove ${name}?`}
      confirm="Yes, remove"
      pending="Removing…"
      busy={remove.isPending}
      onConfirm={() => remove.mutate()}
      failure={failure || unreachable ? <FormFailure formLevel={failure} unreachable={unreachable} /> : null}
    >
      <p>Alerts stop going there at once, including any still waiting to be retried.</p>
    </ConfirmDanger>
  );
}

/** Sends a test alert to every destination now; the log below shows what arrived. */
export function SendTestAlert({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const test = useMutation({ mutationFn: () => sendTestAlertAction(orgSlug), onSuccess: (result) => result.ok && router.refresh() });
  const { failure, unreachable } = useFormFailure(test, []);
  const result = test.data?.ok ? test.data.data : null;
  return (
    <div className="space-y-2">
      <button type="button" className={secondaryButton} disabled={test.isPending} onClick={() => test.mutate()}>
        {test.isPending ? "Sending…" : "Send test alert"}
      </button>
      {result ? (
        <p role="status" className="text-sm text-slate-700">
          Sent to {result.sent} {result.sent === 1 ? "destination" : "destinations"}
          {result.failed ? `; ${result.failed} failed and will be retried (see the log)` : ""}.
        </p>
      ) : null}
      {failure || unreachable ? <FormFailure formLevel={failure} unreachable={unreachable} /> : null}
    </div>
  );
}
