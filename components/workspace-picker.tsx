"use client";

import { SelectField, TextField } from "@/components/form-fields";
import type { SignInWorkspaces, WorkspaceChoice } from "@/lib/auth/read-sign-in-workspaces";
import { trimUrl } from "@/lib/connections/defaults";
import { workspaceSlugInput } from "@/lib/vcs/bitbucket-cloud/workspace-slug";

/** What the person picked: one of their workspaces by slug, ANOTHER_WORKSPACE (then `typed`), or nothing yet (""). */
export type WorkspacePick = { choice: string; typed: string };
export const NO_WORKSPACE_PICKED: WorkspacePick = { choice: "", typed: "" };
export const ANOTHER_WORKSPACE = "another-workspace";

/** The person's recorded workspaces, only on the Bitbucket host they signed in with: another host's workspaces are other ones. */
export function workspacesOn(hostUrl: string, recorded: SignInWorkspaces | null): WorkspaceChoice[] {
  return recorded && trimUrl(recorded.hostUrl).toLowerCase() === trimUrl(hostUrl).toLowerCase() ? recorded.workspaces : [];
}

export type PickedWorkspace =
  | { slug: string; workspace: WorkspaceChoice | null }
  | { slug: null; reason: string; error?: string };

/** The slug a pick names (checked by Bitbucket's rules when typed), or why it names none yet. */
export function pickedWorkspace(pick: WorkspacePick, choices: WorkspaceChoice[]): PickedWorkspace {
  // Only a slug from the list on offer counts: one chosen before the Host URL changed does not.
  const chosen = choices.find((workspace) => workspace.slug === pick.choice);
  if (chosen) return { slug: chosen.slug, workspace: chosen };
  if (choices.length > 0 && pick.choice !== ANOTHER_WORKSPACE) return { slug: null, reason: "Choose a workspace first." };
  if (!pick.typed.trim()) return { slug: null, reason: "Enter the workspace slug first: the part after the host in your workspace’s address." };
  const parsed = workspaceSlugInput.safeParse(pick.typed);
  if (!parsed.success) return { slug: null, reason: "Correct the workspace slug first.", error: parsed.error.issues[0]?.message };
  return { slug: parsed.data, workspace: null };
}

const optionLabel = (workspace: WorkspaceChoice) =>
  `${workspace.name} (${workspace.slug})${workspace.administrator === false ? " · not an admin" : ""}`;

/**
 * The person's own Bitbucket workspaces to choose from, with "Another workspace…" for the
 * rest; only the slug field when there is nothing to offer (none recorded, another host).
 */
export function WorkspacePicker({
  id,
  choices,
  pick,
  onPick,
  error,
}: {
  id: string;
  choices: WorkspaceChoice[];
  pick: WorkspacePick;
  onPick: (pick: WorkspacePick) => void;
  /** The server's word on the workspace, shown on the control in view. */
  error?: string;
}) {
  const picked = pickedWorkspace(pick, choices);
  const typing = choices.length === 0 || pick.choice === ANOTHER_WORKSPACE;
  return (
    <div className="max-w-md space-y-3">
      {choices.length > 0 ? (
        <SelectField
          id={`${id}-choice`}
          label="Workspace"
          value={choices.some((workspace) => workspace.slug === pick.choice) || pick.choice === ANOTHER_WORKSPACE ? pick.choice : ""}
          description="Yours on Bitbucket, as of your last sign-in."
          error={typing ? undefined : error}
          onChange={(event) => onPick({ ...pick, choice: event.target.value })}
        >
          <option value="" disabled>
            Choose a workspace…
          </option>
          {choices.map((workspace) => (
            <option key={workspace.slug} value={workspace.slug}>
              {optionLabel(workspace)}
            </option>
          ))}
          <option value={ANOTHER_WORKSPACE}>Another workspace…</option>
        </SelectField>
      ) : null}
      {typing ? (
        <TextField
          id={`${id}-slug`}
          label="Workspace slug"
          value={pick.typed}
          placeholder="my-workspace"
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          // Chosen "Another workspace…" from the list: straight on to typing it.
          autoFocus={choices.length > 0}
          error={(picked.slug === null ? picked.error : undefined) ?? error}
          description="The part after the host in its address, as in bitbucket.org/{workspace}."
          onChange={(event) => onPick({ ...pick, typed: event.target.value })}
        />
      ) : null}
    </div>
  );
}
