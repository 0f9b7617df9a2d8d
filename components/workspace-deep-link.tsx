"use client";

import { useState } from "react";
import type { SignInWorkspaces } from "@/lib/auth/read-sign-in-workspaces";
import { NO_WORKSPACE_PICKED, pickedWorkspace, WorkspacePicker, workspacesOn } from "./workspace-picker";

/**
 * The link to a workspace's "Add consumer" page on `hostUrl`, once a workspace is picked
 * (from the person's own, or typed); until then the button is shown disabled, saying why.
 */
export function WorkspaceDeepLink({ hostUrl, signInWorkspaces }: { hostUrl: string; signInWorkspaces: SignInWorkspaces | null }) {
  const [pick, setPick] = useState(NO_WORKSPACE_PICKED);
  const choices = workspacesOn(hostUrl, signInWorkspaces);
  const picked = pickedWorkspace(pick, choices);
  return (
    <div className="space-y-3">
      <WorkspacePicker id="workspace" choices={choices} pick={pick} onPick={setPick} />
      {picked.slug !== null ? (
        <div className="space-y-1">
          <a
            href={`${hostUrl}/${encodeURIComponent(picked.slug)}/workspace/settings/oauth-consumers/new`}
            target="_blank"
            rel="noreferrer"
            className="inline-block rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
          >
            Open “Add consumer” on Bitbucket
          </a>
          {picked.workspace?.administrator === false ? (
            <p className="text-sm text-amber-800">
              You are a member of {picked.workspace.name}, not an admin: only its admins can add consumers. Ask one of them, or choose
              a workspace you administer.
            </p>
          ) : null}
        </div>
      ) : (
        <div className="space-y-1">
          <button type="button" disabled aria-describedby="workspace-needed" className="rounded-md bg-slate-300 px-3 py-2 text-sm font-medium text-slate-600">
            Open “Add consumer” on Bitbucket
          </button>
          <p id="workspace-needed" className="text-sm text-slate-500">
            {picked.reason}
          </p>
        </div>
      )}
    </div>
  );
}
