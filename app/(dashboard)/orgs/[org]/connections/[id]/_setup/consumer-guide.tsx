import type { RefObject } from "react";
import { BitbucketHostFields, type HostValues } from "@/components/bitbucket-host-fields";
import { CopyField } from "@/components/copy-button";
import { PermissionChecklist } from "@/components/permission-checklist";
import { WorkspaceDeepLink } from "@/components/workspace-deep-link";
import type { SignInWorkspaces } from "@/lib/auth/read-sign-in-workspaces";
import { type ConsumerFormField } from "@/lib/connections/setup-steps";
import { type PermissionItem } from "@/lib/vcs/bitbucket-cloud/permission-checklist";

type Host = HostValues & { apiEdited: boolean };

/** Step 2's instructions: the host, the deep link to Bitbucket's Add consumer form, what to enter in each field. */
export function ConsumerGuide({
  hostUrl,
  host,
  onHost,
  hostOpen,
  onHostOpen,
  hostInput,
  hostErrors,
  formFields,
  checklist,
  signInWorkspaces,
}: {
  hostUrl: string;
  host: Host;
  onHost: (host: Host) => void;
  hostOpen: boolean;
  onHostOpen: (open: boolean) => void;
  hostInput: RefObject<HTMLDivElement | null>;
  hostErrors: { hostUrl?: string; apiUrl?: string };
  formFields: ConsumerFormField[];
  checklist: PermissionItem[];
  signInWorkspaces: SignInWorkspaces | null;
}) {
  return (
    <ol className="list-decimal space-y-6 pl-5 marker:font-semibold">
      <li className="space-y-2">
        <p>
          This connection uses Bitbucket at <strong className="break-all">{hostUrl || "(no Host URL)"}</strong>.
        </p>
        <details
          open={hostOpen}
          onToggle={(event) => onHostOpen(event.currentTarget.open)}
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
              onChange={onHost}
              errors={hostErrors}
            />
          </div>
        </details>
      </li>
      <li className="space-y-2">
        <p>
          Open the <strong>Add consumer</strong> page of the workspace that owns the repositories (Workspace settings → OAuth consumers →
          Add consumer). Only workspace admins can add consumers.
        </p>
        <WorkspaceDeepLink hostUrl={hostUrl} signInWorkspaces={signInWorkspaces} />
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
}
