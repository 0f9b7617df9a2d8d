"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CopyField } from "@/components/copy-button";
import { ConfirmDanger } from "@/components/confirm-danger";
import { FormFailure, UNREACHABLE, useFormFailure } from "@/components/form-failure";
import { SelectField, SubmitButton, TextField } from "@/components/form-fields";
import { LocalTime } from "@/components/local-time";
import { Notice } from "@/components/notice";
import type { ApiScope } from "@/lib/access/permissions";
import { DEFAULT_EXPIRY_DAYS, EXPIRY_CHOICES } from "@/lib/api-tokens/schemas";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";
import { ConnectionFields, ScopeFields } from "./token-access-fields";

const EXPIRY_LABELS: Record<string, string> = { "7": "7 days", "30": "30 days", "90": "90 days", "180": "180 days", "365": "1 year", never: "Never" };

/** Names a token, chooses its expiry, scopes and connections, then shows its value once with a copy button. */
export function CreateTokenForm({ orgSlug, connections, canManage }: { orgSlug: string; connections: { id: string; name: string }[]; canManage: boolean }) {
  const [name, setName] = useState("");
  const [expiresInDays, setExpiresInDays] = useState(String(DEFAULT_EXPIRY_DAYS));
  const [scopes, setScopes] = useState<ApiScope[]>(["connections:read"]);
  const [connectionIds, setConnectionIds] = useState<string[] | null>(null);
  const create = useMutation({
    mutationFn: (input: { name: string; expiresInDays: string; scopes: ApiScope[]; connectionIds: string[] | null }) => createApiTokenAction(orgSlug, input),
    onSuccess: (result) => {
      if (result.ok) setName("");
    },
  });
  const result = create.data;
  const { formLevel, unreachable, fieldError } = useFormFailure(create, ["name", "expiresInDays", "scopes", "connectionIds"], { hints: false });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name, expiresInDays, scopes, connectionIds });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {result?.ok ? (
        <Notice tone="success" title={`Token “${result.data.name}” created`}>
          <p className="mb-3">
            Copy it now: it will not be shown again. Store it where your automation keeps secrets.{" "}
            {result.data.expiresAt ? <>It expires on <LocalTime iso={result.data.expiresAt} />.</> : "It never expires: revoke it when it is no longer needed."}
          </p>
          <CopyField label="New API token" value={result.data.token} />
        </Notice>
      ) : null}
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="token-name"
          label="Name"
          name="name"
          autoComplete="off"
          required
          maxLength={80}
          value={name}
          error={fieldError("name")}
          description="What will use it, such as “Terraform CI”, so you know what breaks if you revoke it."
          onChange={(event) => setName(event.target.value)}
        />
        <SelectField
          id="token-expiry"
          label="Expires after"
          name="expiresInDays"
          value={expiresInDays}
          error={fieldError("expiresInDays")}
          description={expiresInDays === "never" ? "It keeps working until someone revokes it." : "Make a new one before then; you will see the date in the list."}
          onChange={(event) => setExpiresInDays(event.target.value)}
        >
          {[...EXPIRY_CHOICES.map(String), "never"].map((value) => (
            <option key={value} value={value}>
              {EXPIRY_LABELS[value] ?? `${value} days`}
            </option>
          ))}
        </SelectField>
      </div>
      <ScopeFields scopes={scopes} onChange={setScopes} canManage={canManage} error={fieldError("scopes")} />
      <ConnectionFields connections={connections} selected={connectionIds} onChange={setConnectionIds} error={fieldError("connectionIds")} />
      <SubmitButton pending={create.isPending} pendingText="Creating…">
        Create token
      </SubmitButton>
    </form>
  );
}

/** Revokes after an inline confirmation: whatever uses the token stops working at once. */
export function RevokeTokenButton({ orgSlug, id, name }: { orgSlug: string; id: string; name: string }) {
  const revoke = useMutation({ mutationFn: () => revokeApiTokenAction(orgSlug, { id }) });
  const { formLevel, unreachable } = useFormFailure(revoke, []);
  return (
    <ConfirmDanger
      id={`confirm-revoke-${id}`}
      open="Revoke"
      openLabel={`Revoke token ${name}`}
      title={`Revoke “${name}”?`}
      confirm="Yes, revoke"
      pending="Revoking…"
      busy={revoke.isPending}
      onConfirm={() => revoke.mutate()}
      failure={<FormFailure formLevel={formLevel} unreachable={unreachable} />}
    >
      <p>Anything using it gets 401 from the next request on. It stays listed here as revoked; create a new token to replace it.</p>
    </ConfirmDanger>
  );
}
