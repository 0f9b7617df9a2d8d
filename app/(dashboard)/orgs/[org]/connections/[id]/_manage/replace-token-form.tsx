"use client";

import { useState, type FormEvent } from "react";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { SubmitButton, TextField } from "@/components/form-fields";
import { Notice } from "@/components/notice";
import { expiryInput, TokenExpiryField } from "@/components/token-expiry-field";
import { replaceTokenAction } from "../actions";
import { useConnectionMutation, type Target } from "./use-connection-mutation";

/** Rotates the connection's token in place: checked with Bitbucket before the old one is dropped. */
export function ReplaceTokenForm({ target, type, email, pageUrl }: { target: Target; type: "access_token" | "api_token"; email: string | null; pageUrl: string | null }) {
  const [token, setToken] = useState("");
  const [emailValue, setEmail] = useState(email ?? "");
  const [expiry, setExpiry] = useState({ choice: "90", date: "" });
  const [saved, setSaved] = useState(false);
  const { mutation, refreshing } = useConnectionMutation(
    (input: Record<string, unknown>) => replaceTokenAction(target.orgSlug, target.id, input),
    () => {
      setSaved(true);
      setToken("");
    },
  );
  const { failure, formLevel, unreachable, fieldError } = useFormFailure(mutation, ["token", "email", "expiresInDays", "expiresOn", "scopes", "workspace", "repository", "project"]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    mutation.mutate({ token, ...(type === "api_token" ? { email: emailValue } : {}), ...expiryInput(expiry) });
  }

  const resourceError = fieldError("workspace") ?? fieldError("repository") ?? fieldError("project") ?? fieldError("scopes");
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {saved && !failure ? <Notice tone="success" title="Token replaced. Projects and webhooks are unchanged." /> : null}
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      {pageUrl ? (
        <p className="text-sm">
          <a href={pageUrl} target="_blank" rel="noreferrer" className="text-brand-700 underline">
            Create the new token on Bitbucket
          </a>{" "}
          with the same permissions, then paste it here.
        </p>
      ) : null}
      {resourceError ? <p className="text-sm text-red-700">{resourceError}</p> : null}
      {type === "api_token" ? (
        <TextField id="replace-email" label="Email" type="email" autoComplete="off" value={emailValue} error={fieldError("email")} onChange={(event) => setEmail(event.target.value)} />
      ) : null}
      <TextField id="replace-token" label="New token" type="password" autoComplete="off" value={token} error={fieldError("token")} onChange={(event) => setToken(event.target.value)} />
      <TokenExpiryField idPrefix="replace" value={expiry} onChange={setExpiry} error={fieldError("expiresInDays") ?? fieldError("expiresOn")} />
      <SubmitButton pending={mutation.isPending || refreshing} pendingText="Checking with Bitbucket…">
        Replace token
      </SubmitButton>
    </form>
  );
}
