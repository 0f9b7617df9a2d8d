import Link from "next/link";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { readSignInWorkspaces } from "@/lib/auth/read-sign-in-workspaces";
import { env } from "@/lib/env";
import { permissionGroups } from "@/lib/vcs/bitbucket-cloud/permission-checklist";
import { profileChoices } from "@/lib/connections/profiles";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/access/roles";
import { PROFILES } from "@/lib/connections/profiles";
import { parseCredentialType } from "@/lib/vcs/credential";
import { NewConnectionForm } from "./new-connection-form";
import { CredentialTypeChoice } from "./_token/credential-type-choice";
import { TokenConnectionForm } from "./_token/token-connection-form";

export const metadata = { title: "Set up Bitbucket Cloud" };

const steps = ["What it is for", "Create the consumer on Bitbucket", "Paste the key and secret", "Connect"];

// Tokens serve repository work: signing people in needs an OAuth consumer.
const tokenProfiles = (["repository_sync", "read_only"] as const).map((id) => ({ id, label: PROFILES[id].label, description: PROFILES[id].description, scopes: [...PROFILES[id].scopes] }));

type Props = { params: Promise<{ org: string }>; searchParams: Promise<{ with?: string | string[] }> };

export default async function NewBitbucketCloudConnectionPage({ params, searchParams }: Props) {
  const access = await requireOrgAccess((await params).org);
  const slug = access.organization.slug;
  const requested = (await searchParams).with;
  const type = parseCredentialType(Array.isArray(requested) ? (requested[0] ?? "") : (requested ?? ""));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/orgs/${slug}/integrations`} className="text-brand-700 hover:underline">
          ← Integrations
        </Link>
      </p>
      <PageHeader
        title="Set up Bitbucket Cloud"
        description="Connect this organization to Bitbucket Cloud with an OAuth consumer, an access token or an API token you create there. Each step is checked before the next."
      />
      <CredentialTypeChoice orgSlug={slug} current={type} />
      {type === "oauth_consumer" ? (
      <ol aria-label="Setup steps" className="mb-6 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-500">
        {steps.map((step, index) => (
          <li key={step} aria-current={index === 0 ? "step" : undefined} className={index === 0 ? "font-semibold text-brand-700" : undefined}>
            {index + 1}. {step}
          </li>
        ))}
      </ol>
      ) : null}
      {canManageConnections(access.role) && type !== "oauth_consumer" ? (
        <TokenConnectionForm
          orgSlug={slug}
          type={type}
          profiles={tokenProfiles}
          defaults={{ hostUrl: env().BITBUCKET_HOST_URL, apiUrl: env().BITBUCKET_API_URL }}
          signInWorkspaces={type === "access_token" ? await readSignInWorkspaces(access.actor.userId) : null}
        />
      ) : canManageConnections(access.role) ? (
        <NewConnectionForm
          orgSlug={slug}
          profiles={profileChoices()}
          groups={permissionGroups()}
          // People sign in to this app at its configured Bitbucket host, so that is the first choice.
          defaults={{ hostUrl: env().BITBUCKET_HOST_URL, apiUrl: env().BITBUCKET_API_URL }}
        />
      ) : (
        <Notice tone="info" title="Only owners and admins set up connections.">
          You can see every connection of {access.organization.name} under{" "}
          <Link href={`/orgs/${slug}/connections`} className="underline">
            Connections
          </Link>
          .
        </Notice>
      )}
    </>
  );
}
