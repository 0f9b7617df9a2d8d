"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { BitbucketHostFields } from "@/components/bitbucket-host-fields";
import { SubmitButton, TextField } from "@/components/form-fields";
import { FormFailure, useFormFailure } from "@/components/form-failure";
import { expiryInput, TokenExpiryField } from "@/components/token-expiry-field";
import { NO_WORKSPACE_PICKED, pickedWorkspace, WorkspacePicker, workspacesOn } from "@/components/workspace-picker";
import type { SignInWorkspaces } from "@/lib/auth/read-sign-in-workspaces";
import { trimUrl } from "@/lib/connections/defaults";
import {
  accessTokensPageUrl,
  apiTokensPageUrl,
  tokenChecklist,
  type TokenResourceKind,
} from "@/lib/vcs/bitbucket-cloud/token-setup";
import { createTokenConnectionAction } from "../actions";
import { TokenGuide } from "./token-guide";

const FIELDS = ["name", "profile", "token", "email", "resourceKind", "workspace", "repository", "project", "expiresInDays", "expiresOn", "scopes", "hostUrl", "apiUrl"];

export type TokenProfile = { id: string; label: string; description: string; scopes: string[] };

const RESOURCES: { kind: TokenResourceKind; label: string; page: string }[] = [
  { kind: "repository", label: "A repository", page: "Repository settings → Access tokens" },
  { kind: "project", label: "A project", page: "Project settings → Access tokens" },
  { kind: "workspace", label: "A workspace", page: "Workspace settings → Access tokens" },
];

/** Setup with an access token or an API token: what it is for, Bitbucket's page in its words, the token, checked before saving. */
export function TokenConnectionForm({
  orgSlug,
  type,
  profiles,
  defaults,
  signInWorkspaces,
}: {
  orgSlug: string;
  type: "access_token" | "api_token";
  profiles: TokenProfile[];
  defaults: { hostUrl: string; apiUrl: string };
  /** The admin's own workspaces, offered while the Host URL is the one they signed in with. */
  signInWorkspaces: SignInWorkspaces | null;
}) {
  const router = useRouter();
  const [profileId, setProfileId] = useState(profiles[0]?.id ?? "repository_sync");
  const [name, setName] = useState("");
  const [resourceKind, setResourceKind] = useState<TokenResourceKind>("repository");
  const [workspacePick, setWorkspacePick] = useState(NO_WORKSPACE_PICKED);
  const [target, setTarget] = useState({ repository: "", project: "" });
  const [email, setEmail] = useState("");
  const [token, setToken] = useState("");
  const [expiry, setExpiry] = useState({ choice: "90", date: "" });
  const [host, setHost] = useState({ ...defaults, apiEdited: false });
  const [showHost, setShowHost] = useState(false);
  const create = useMutation({
    mutationFn: (input: Record<string, unknown>) => createTokenConnectionAction(orgSlug, input),
    onSuccess: (result) => {
      if (result.ok) router.push(`/orgs/${orgSlug}/connections/${result.data.id}`);
      else if (result.error.field === "hostUrl" || result.error.field === "apiUrl") setShowHost(true);
    },
  });
  const { formLevel, unreachable, fieldError } = useFormFailure(create, FIELDS);
  const navigating = create.data?.ok === true;
  const profile = profiles.find((p) => p.id === profileId) ?? profiles[0];
  const hostUrl = trimUrl(host.hostUrl);
  const key = resourceKind === "repository" ? target.repository : target.project;
  const workspaceChoices = workspacesOn(hostUrl, signInWorkspaces);
  const workspace = pickedWorkspace(workspacePick, workspaceChoices).slug;
  const pageUrl = type === "api_token" ? apiTokensPageUrl(hostUrl) : accessTokensPageUrl(hostUrl, resourceKind, workspace ?? "", key);
  const pageName = type === "api_token" ? "Personal settings → API tokens" : (RESOURCES.find((r) => r.kind === resourceKind)?.page ?? "");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const apiUrl = trimUrl(host.apiUrl);
    create.mutate({
      name,
      profile: profileId,
      credentialType: type,
      token,
      ...(type === "api_token" ? { email } : { resourceKind, workspace: workspace ?? workspacePick.typed.trim(), ...(resourceKind === "workspace" ? {} : { [resourceKind]: key }) }),
      ...expiryInput(expiry),
      // Always sent: the form's default host is this app's sign-in host, not the server's fallback.
      hostUrl,
      apiUrl,
    });
  }

  const section = "space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-5";
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <FormFailure formLevel={formLevel} unreachable={unreachable} />
      <fieldset className={section}>
        <legend className="px-1 font-semibold">1. What is the connection for?</legend>
        <div className="grid gap-3 md:grid-cols-2">
          {profiles.map((choice) => (
            <label key={choice.id} className={`flex items-start gap-3 rounded-lg border p-4 ${profileId === choice.id ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600" : "border-slate-200"}`}>
              <input type="radio" name="profile" value={choice.id} checked={profileId === choice.id} onChange={() => setProfileId(choice.id)} className="mt-1 h-4 w-4 accent-brand-600" />
              <span className="min-w-0">
                <span className="block font-medium">{choice.label}</span>
                <span className="mt-1 block text-sm text-slate-600">{choice.description}</span>
              </span>
            </label>
          ))}
        </div>
        <TextField id="connection-name" label="Connection name" name="name" required maxLength={80} autoComplete="off" value={name} placeholder="e.g. Team repositories" error={fieldError("name")} onChange={(event) => setName(event.target.value)} />
        <details open={showHost} onToggle={(event) => setShowHost(event.currentTarget.open)} className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">
            Customize settings <span className="font-normal break-all text-slate-500">(Bitbucket host: {hostUrl || "not set"})</span>
          </summary>
          <div className="mt-3">
            <BitbucketHostFields idPrefix="token" values={host} onChange={setHost} errors={{ hostUrl: fieldError("hostUrl"), apiUrl: fieldError("apiUrl") }} />
          </div>
        </details>
      </fieldset>

      <fieldset className={section}>
        <legend className="px-1 font-semibold">2. Create the {type === "access_token" ? "access token" : "API token"} on Bitbucket</legend>
        {type === "access_token" ? (
          <>
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">It belongs to</legend>
              <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2 text-sm">
                {RESOURCES.map((r) => (
                  <label key={r.kind} className="flex items-center gap-2">
                    <input type="radio" name="resourceKind" value={r.kind} checked={resourceKind === r.kind} onChange={() => setResourceKind(r.kind)} className="h-4 w-4 accent-brand-600" />
                    {r.label}
                  </label>
                ))}
              </div>
              <p className="mt-1 text-xs text-slate-500">Project and workspace access tokens need a Premium plan. A token sees only what it belongs to.</p>
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              <WorkspacePicker id="token-workspace" choices={workspaceChoices} pick={workspacePick} onPick={setWorkspacePick} error={fieldError("workspace")} />
              {resourceKind !== "workspace" ? (
                <TextField
                  id={`token-${resourceKind}`}
                  label={resourceKind === "repository" ? "Repository" : "Project key"}
                  autoCapitalize="none"
                  spellCheck={false}
                  value={key}
                  error={fieldError(resourceKind)}
                  description={resourceKind === "repository" ? "Its slug, as in bitbucket.org/{workspace}/{repository}." : "The project's key, such as CORE."}
                  onChange={(event) => setTarget({ ...target, [resourceKind]: event.target.value.trim() })}
                />
              ) : null}
            </div>
          </>
        ) : null}
        <TokenGuide type={type} pageUrl={pageUrl} pageName={pageName} name={name} checklist={profile ? tokenChecklist(type, profile.scopes) : []} />
      </fieldset>

      <fieldset className={section}>
        <legend className="px-1 font-semibold">3. Paste it here</legend>
        {fieldError("scopes") ? <p className="text-sm text-red-700" id="token-scopes-error">{fieldError("scopes")}</p> : null}
        {type === "api_token" ? (
          <TextField id="token-email" label="Email" type="email" autoComplete="off" value={email} error={fieldError("email")} description="Your Atlassian account's email address, not your Bitbucket username: API tokens work only with the email." onChange={(event) => setEmail(event.target.value)} />
        ) : null}
        <TextField id="token-value" label={type === "access_token" ? "Access token" : "API token"} type="password" autoComplete="off" spellCheck={false} value={token} error={fieldError("token")} description="Stored encrypted, never shown again." onChange={(event) => setToken(event.target.value)} />
        <TokenExpiryField idPrefix="token" value={expiry} onChange={setExpiry} error={fieldError("expiresInDays") ?? fieldError("expiresOn")} />
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={create.isPending || navigating} pendingText={navigating ? "Opening…" : "Checking with Bitbucket…"}>
          Verify and save
        </SubmitButton>
        <p className="text-sm text-slate-500">Checked with Bitbucket first; nothing is stored unless it works.</p>
      </div>
    </form>
  );
}
