import type { ReactNode } from "react";
import { Disclosure } from "@/components/disclosure";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { hasGrant, needsReauthorization } from "@/lib/connections/status";
import { accessTokensPageUrl, apiTokensPageUrl } from "@/lib/vcs/bitbucket-cloud/token-setup";
import { CREDENTIAL_TYPE_LABELS } from "@/lib/vcs/credential";
import { ConsumerFacts, credentialHint, TokenFacts } from "../connection-overview";
import { CredentialsForm } from "./credentials-form";
import { DeleteConnection } from "./delete-connection";
import { RenameForm } from "./rename-form";
import { ReplaceTokenForm } from "./replace-token-form";
import type { Target } from "./use-connection-mutation";

function ManageTask({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <div className="mt-5 border-t border-slate-100 pt-4">
      <h3 className="font-medium">{title}</h3>
      <p className="mt-1 mb-3 text-sm text-slate-600">{description}</p>
      {children}
    </div>
  );
}

function TokenReplacement({ view, target }: { view: ConnectionView; target: Target }) {
  const type = view.credentialType === "api_token" ? "api_token" : "access_token";
  const r = view.tokenResource;
  const pageUrl = type === "api_token" ? apiTokensPageUrl(view.hostUrl) : r ? accessTokensPageUrl(view.hostUrl, r.kind, r.workspace, r.key ?? "") : null;
  return (
    <ManageTask
      title="Replace token"
      description="Before this token expires, or after it was revoked: the new one is checked with Bitbucket first, and the connection keeps its projects and webhooks."
    >
      <ReplaceTokenForm target={target} type={type} email={view.credentialEmail} pageUrl={pageUrl} />
    </ManageTask>
  );
}

/**
 * The parts of a connection needed now and then, each behind a disclosure: the credential
 * (its facts for everyone; rotating or replacing it for owners and admins), the name, and
 * deleting. A token that must be replaced opens its part at once.
 */
export function ManageSection({
  view,
  target,
  projectCount,
  canManage,
  urlsOwnerOnly,
}: {
  view: ConnectionView;
  target: Target;
  projectCount: number;
  canManage: boolean;
  /** The viewer is not an owner: a connected connection's URLs are not theirs to change. */
  urlsOwnerOnly: boolean;
}) {
  const oauth = view.credentialType === "oauth_consumer";
  const replaceNow = !oauth && canManage && (needsReauthorization(view.status) || view.status === "expiring_soon");
  return (
    <div className="space-y-3">
      <Disclosure
        id="manage-credential"
        title={oauth ? (canManage ? "Key and secret" : "Consumer") : CREDENTIAL_TYPE_LABELS[view.credentialType]}
        hint={credentialHint(view)}
        open={replaceNow}
      >
        {oauth ? <ConsumerFacts view={view} keyShown /> : <TokenFacts view={view} />}
        {canManage && oauth ? (
          <ManageTask
            title="Rotate the secret or change the consumer"
            description="Rotate the secret after regenerating it on Bitbucket, or point the connection at another consumer or host. Every change is verified with Bitbucket first."
          >
            <CredentialsForm
              target={target}
              current={{ hostUrl: view.hostUrl, apiUrl: view.apiUrl, clientIdLast4: view.clientIdLast4 }}
              urlsOwnerOnly={urlsOwnerOnly && hasGrant(view.status)}
            />
          </ManageTask>
        ) : null}
        {canManage && !oauth ? <TokenReplacement view={view} target={target} /> : null}
      </Disclosure>
      {canManage ? (
        <Disclosure id="manage-name" title="Name" hint="How this connection is listed in this organization.">
          <RenameForm target={target} name={view.name} />
        </Disclosure>
      ) : null}
      {canManage ? (
        <Disclosure id="manage-danger" title="Danger zone" hint="Delete this connection.">
          <p className="mb-3 text-sm text-slate-600">
            {oauth ? "Removes the connection and everything stored for it." : "Removes the connection and the token stored for it. Revoke the token on Bitbucket too."}
          </p>
          <DeleteConnection target={target} name={view.name} projectCount={projectCount} />
        </Disclosure>
      ) : null}
    </div>
  );
}
