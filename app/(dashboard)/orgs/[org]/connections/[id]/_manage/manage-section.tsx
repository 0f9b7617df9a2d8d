import type { ReactNode } from "react";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { hasGrant, isDisconnected } from "@/lib/connections/status";
import { ConnectLink } from "../_setup/connect-panels";
import { CredentialsForm } from "./credentials-form";
import { DeleteConnection } from "./delete-connection";
import { DisconnectButton } from "./disconnect-button";
import { RenameForm } from "./rename-form";
import { ReplaceTokenForm } from "./replace-token-form";
import { accessTokensPageUrl, apiTokensPageUrl } from "@/lib/vcs/bitbucket-cloud/token-setup";
import type { Target } from "./use-connection-mutation";

/** The heading id of a Manage card, which the health actions link to. */
export const manageCardId = (title: string) => `manage-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

function ManageCard({ title, description, children }: { title: string; description: ReactNode; children: ReactNode }) {
  const id = manageCardId(title);
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      <p className="mt-1 mb-3 text-sm text-slate-600">{description}</p>
      {children}
    </section>
  );
}

/** What owners and admins can change about a connection, one card per task. */
export function ManageSection({
  view,
  target,
  projectCount,
  urlsOwnerOnly,
}: {
  view: ConnectionView;
  target: Target;
  projectCount: number;
  /** The viewer is not an owner: a connected connection's URLs are not theirs to change. */
  urlsOwnerOnly: boolean;
}) {
  if (view.credentialType !== "oauth_consumer") return <TokenManageSection view={view} target={target} projectCount={projectCount} />;
  const granted = hasGrant(view.status);
  return (
    <section aria-labelledby="manage-heading" className="mt-8">
      <h2 id="manage-heading" className="mb-3 text-lg font-semibold">
        Manage
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <ManageCard
          title={granted ? "Reconnect" : "Connect"}
          description={
            granted
              ? "Authorize again on Bitbucket, for example after ticking more permissions on the consumer. The current grant stays until the new one succeeds."
              : "Authorize on Bitbucket with the saved key and secret."
          }
        >
          <ConnectLink view={view}>{granted ? "Reconnect" : "Connect"}</ConnectLink>
        </ManageCard>
        <ManageCard title="Name" description="How this connection is listed in this organization.">
          <RenameForm target={target} name={view.name} />
        </ManageCard>
        <div className="md:col-span-2">
          <ManageCard
            title="Key and secret"
            description="Rotate the secret after regenerating it on Bitbucket, or point the connection at another consumer or host. Every change is verified with Bitbucket first."
          >
            <CredentialsForm
              target={target}
              current={{ hostUrl: view.hostUrl, apiUrl: view.apiUrl, clientIdLast4: view.clientIdLast4 }}
              urlsOwnerOnly={urlsOwnerOnly && granted}
            />
          </ManageCard>
        </div>
        {!isDisconnected(view.status) ? (
          <ManageCard
            title="Disconnect"
            description="Deletes the tokens this app holds. The key, secret and URLs stay, so Reconnect needs nothing re-entered. The Bitbucket account still lists the app among its authorizations until someone revokes it there."
          >
            <DisconnectButton target={target} name={view.name} projectCount={projectCount} />
          </ManageCard>
        ) : null}
        <ManageCard title="Delete" description="Removes the connection and everything stored for it.">
          <DeleteConnection target={target} name={view.name} projectCount={projectCount} />
        </ManageCard>
      </div>
    </section>
  );
}

/** A token connection: rename, replace the token in place, delete. There is nothing to reconnect. */
function TokenManageSection({ view, target, projectCount }: { view: ConnectionView; target: Target; projectCount: number }) {
  const type = view.credentialType === "api_token" ? "api_token" : "access_token";
  const r = view.tokenResource;
  const pageUrl = type === "api_token" ? apiTokensPageUrl(view.hostUrl) : r ? accessTokensPageUrl(view.hostUrl, r.kind, r.workspace, r.key ?? "") : null;
  return (
    <section aria-labelledby="manage-heading" className="mt-8">
      <h2 id="manage-heading" className="mb-3 text-lg font-semibold">
        Manage
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <ManageCard title="Replace token" description="Before this token expires, or after it was revoked: the new one is checked with Bitbucket first, and the connection keeps its projects and webhooks.">
          <ReplaceTokenForm target={target} type={type} email={view.credentialEmail} pageUrl={pageUrl} />
        </ManageCard>
        <ManageCard title="Name" description="How this connection is listed in this organization.">
          <RenameForm target={target} name={view.name} />
        </ManageCard>
        <ManageCard title="Delete" description="Removes the connection and the token stored for it. Revoke the token on Bitbucket too.">
          <DeleteConnection target={target} name={view.name} projectCount={projectCount} />
        </ManageCard>
      </div>
    </section>
  );
}
