"use client";

import { useState } from "react";

/**
 * Builds the link to a workspace's "Add consumer" page once the person types the workspace
 * slug; until then the button is shown disabled, saying what it needs.
 */
export function WorkspaceDeepLink({ hostUrl }: { hostUrl: string }) {
  const [workspace, setWorkspace] = useState("");
  const slug = workspace.trim();
  const valid = /^[a-z0-9][a-z0-9_.-]*$/i.test(slug);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="workspace-slug" className="block text-sm font-medium text-slate-700">
          Workspace slug
        </label>
        <input
          id="workspace-slug"
          value={workspace}
          onChange={(event) => setWorkspace(event.target.value)}
          placeholder="my-workspace"
          className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      {valid ? (
        <a
          href={`${hostUrl}/${encodeURIComponent(slug)}/workspace/settings/oauth-consumers/new`}
          target="_blank"
          rel="noreferrer"
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Open “Add consumer” on Bitbucket
        </a>
      ) : (
        <div className="space-y-1">
          <button type="button" disabled aria-describedby="workspace-slug-needed" className="rounded-md bg-slate-300 px-3 py-2 text-sm font-medium text-slate-600">
            Open “Add consumer” on Bitbucket
          </button>
          <p id="workspace-slug-needed" className="text-sm text-slate-500">
            Enter the workspace slug first: the part after the host in your workspace’s address.
          </p>
        </div>
      )}
    </div>
  );
}
