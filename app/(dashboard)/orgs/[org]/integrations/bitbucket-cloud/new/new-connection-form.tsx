"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { BitbucketHostFields } from "@/components/bitbucket-host-fields";
import { SubmitButton, TextField } from "@/components/form-fields";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { PermissionChecklist } from "@/components/permission-checklist";
import type { ProfileId } from "@/lib/connections/profiles";
import { BITBUCKET_CLOUD_API_URL, BITBUCKET_CLOUD_HOST_URL, trimUrl } from "@/lib/connections/defaults";
import { type PermissionItem } from "@/lib/vcs/bitbucket-cloud/permission-checklist";
import { type ProfileChoice } from "@/lib/connections/profiles";
import { createDraftAction } from "./actions";

const FIELDS = ["name", "profile", "scopes", "hostUrl", "apiUrl"];

/** Step 1: what the connection is for (and so which permissions the consumer needs) and its name. */
export function NewConnectionForm({
  orgSlug,
  profiles,
  groups,
  defaults,
}: {
  orgSlug: string;
  profiles: ProfileChoice[];
  groups: { group: string; items: PermissionItem[] }[];
  defaults: { hostUrl: string; apiUrl: string };
}) {
  const router = useRouter();
  const [profile, setProfile] = useState<ProfileId>("repository_sync");
  const [custom, setCustom] = useState<string[]>([]);
  const [name, setName] = useState("");
  const [host, setHost] = useState({ ...defaults, apiEdited: false });
  const [showHost, setShowHost] = useState(false);
  const create = useMutation({
    mutationFn: (input: Record<string, unknown>) => createDraftAction(orgSlug, input),
    onSuccess: (result) => {
      if (result.ok) router.push(`/orgs/${orgSlug}/connections/${result.data.id}`);
      else if (result.error.field === "hostUrl" || result.error.field === "apiUrl") setShowHost(true);
    },
  });
  const { formLevel, unreachable, fieldError } = useFormFailure(create, FIELDS);
  // This app's sign-in host, when it is not bitbucket.org (a sandbox, say).
  const signInHost = defaults.hostUrl !== BITBUCKET_CLOUD_HOST_URL;
  const navigating = create.data?.ok === true;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const hostUrl = trimUrl(host.hostUrl);
    const apiUrl = trimUrl(host.apiUrl);
    create.mutate({
      name,
      profile,
      ...(profile === "custom" ? { scopes: custom } : {}),
      // Only an address other than Bitbucket Cloud's is sent; the server fills in its own.
      ...(hostUrl !== BITBUCKET_CLOUD_HOST_URL ? { hostUrl } : {}),
      ...(apiUrl !== BITBUCKET_CLOUD_API_URL ? { apiUrl } : {}),
    });
  }

  function toggleScope(scope: string, checked: boolean) {
    setCustom((current) => (checked ? [...current, scope] : current.filter((s) => s !== scope)));
  }

  const scopesError = fieldError("scopes");
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <FormFailure formLevel={formLevel} unreachable={unreachable} />

      <fieldset className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
        <legend className="px-1 font-semibold">1. What is the connection for?</legend>
        <p className="mb-4 text-sm text-slate-600">
          Bitbucket fixes a consumer&apos;s permissions when you create it, so choose first. Each choice lists the exact checkboxes
          you will tick on Bitbucket&apos;s form.
        </p>
        <div className="grid gap-3 md:grid-cols-2">
          {profiles.map((choice) => {
            const id = `profile-${choice.id}`;
            const checked = profile === choice.id;
            return (
              <div
                key={choice.id}
                className={`relative rounded-lg border p-4 ${checked ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600" : "border-slate-200 hover:border-slate-400"}`}
              >
                <div className="flex items-start gap-3">
                  <input
                    type="radio"
                    id={id}
                    name="profile"
                    value={choice.id}
                    checked={checked}
                    onChange={() => setProfile(choice.id)}
                    aria-describedby={`${id}-description`}
                    className="relative z-10 mt-1 h-4 w-4 accent-brand-600"
                  />
                  <div className="min-w-0">
                    {/* The label's ::after covers the card, so the whole card selects the choice. */}
                    <label htmlFor={id} className="font-medium after:absolute after:inset-0 after:content-['']">
                      {choice.label}
                    </label>
                    <div id={`${id}-description`} className="mt-1 space-y-2 text-sm text-slate-600">
                      <p>{choice.description}</p>
                      {choice.checklist.length > 0 ? (
                        <>
                          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Tick on Bitbucket</p>
                          <PermissionChecklist label={`Permissions for ${choice.label}`} items={choice.checklist} />
                        </>
                      ) : (
                        <p className="text-xs text-slate-500">You pick the permissions below.</p>
                      )}
                    </div>
                  </div>
                </div>
              </div>
            );
          })}
        </div>

        {profile === "custom" ? (
          <fieldset className="mt-5" aria-describedby={scopesError ? "custom-scopes-error" : undefined}>
            <legend className="text-sm font-semibold">Permissions, as on Bitbucket&apos;s form</legend>
            <p className="mb-3 text-xs text-slate-500">
              Tick only what the app needs. Some imply others on Bitbucket (Repositories: Write includes Read), and the check after
              Connect accounts for that.
            </p>
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {groups.map((group) => (
                <fieldset key={group.group} className="rounded-md border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-medium">{group.group}</legend>
                  {group.items.map((item) => {
                    const id = `scope-${item.scope.replace(":", "-")}`;
                    return (
                      <div key={item.scope} className="flex items-center gap-2 py-0.5 text-sm">
                        <input
                          type="checkbox"
                          id={id}
                          checked={custom.includes(item.scope)}
                          onChange={(event) => toggleScope(item.scope, event.target.checked)}
                          className="h-4 w-4 accent-brand-600"
                        />
                        <label htmlFor={id}>
                          <span className="sr-only">{item.group}: </span>
                          {item.label}
                        </label>
                      </div>
                    );
                  })}
                </fieldset>
              ))}
            </div>
            {scopesError ? (
              <p id="custom-scopes-error" className="mt-2 text-sm text-red-700">
                {scopesError}
              </p>
            ) : null}
          </fieldset>
        ) : null}
      </fieldset>

      <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
        <TextField
          id="connection-name"
          label="Connection name"
          name="name"
          required
          maxLength={80}
          autoComplete="off"
          value={name}
          placeholder="e.g. Team repositories"
          error={fieldError("name")}
          description="How this connection is listed here. A good name for the consumer on Bitbucket, too."
          onChange={(event) => setName(event.target.value)}
        />
        <details open={showHost} onToggle={(event) => setShowHost(event.currentTarget.open)} className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">
            Customize settings{" "}
            <span className="font-normal text-slate-500">
              (Bitbucket host: {trimUrl(host.hostUrl) || "not set"}
              {signInHost && trimUrl(host.hostUrl) === defaults.hostUrl ? ", where you sign in" : ""})
            </span>
          </summary>
          <p className="mt-2 mb-3 text-sm text-slate-600">
            {signInHost
              ? `People sign in to this app at ${defaults.hostUrl}, so that is the default. `
              : "Bitbucket Cloud is at https://bitbucket.org. "}
            Change these only for a sandbox or another Bitbucket Cloud–compatible host. You can also change them in the next step.
          </p>
          {signInHost && trimUrl(host.hostUrl) !== BITBUCKET_CLOUD_HOST_URL ? (
            <button
              type="button"
              onClick={() => setHost({ hostUrl: BITBUCKET_CLOUD_HOST_URL, apiUrl: BITBUCKET_CLOUD_API_URL, apiEdited: false })}
              className="mb-3 text-sm font-medium text-brand-700 underline"
            >
              Use bitbucket.org instead
            </button>
          ) : null}
          <BitbucketHostFields
            idPrefix="new"
            values={host}
            onChange={setHost}
            errors={{ hostUrl: fieldError("hostUrl"), apiUrl: fieldError("apiUrl") }}
          />
        </details>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={create.isPending || navigating} pendingText={navigating ? "Opening…" : "Creating…"}>
          Continue
        </SubmitButton>
        <p className="text-sm text-slate-500">Creates a draft with its own callback URL for the next step. Nothing is sent to Bitbucket yet.</p>
      </div>
    </form>
  );
}
