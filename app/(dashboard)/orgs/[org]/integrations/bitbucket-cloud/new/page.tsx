import Link from "next/link";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { env } from "@/lib/env";
import { permissionGroups } from "@/lib/vcs/bitbucket-cloud/permission-checklist";
import { profileChoices } from "@/lib/connections/profiles";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { canManageConnections } from "@/lib/orgs/roles";
import { NewConnectionForm } from "./new-connection-form";

export const metadata = { title: "Set up Bitbucket Cloud" };

const steps = ["What it is for", "Create the consumer on Bitbucket", "Paste the key and secret", "Connect"];

export default async function NewBitbucketCloudConnectionPage({ params }: { params: Promise<{ org: string }> }) {
  const access = await requireOrgAccess((await params).org);
  const slug = access.organization.slug;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/orgs/${slug}/integrations`} className="text-brand-700 hover:underline">
          ← Integrations
        </Link>
      </p>
      <PageHeader
        title="Set up Bitbucket Cloud"
        description="Connect this organization to a Bitbucket Cloud workspace through an OAuth consumer you create there. Each step is checked before the next."
      />
      <ol aria-label="Setup steps" className="mb-6 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-500">
        {steps.map((step, index) => (
          <li key={step} aria-current={index === 0 ? "step" : undefined} className={index === 0 ? "font-semibold text-brand-700" : undefined}>
            {index + 1}. {step}
          </li>
        ))}
      </ol>
      {canManageConnections(access.role) ? (
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
