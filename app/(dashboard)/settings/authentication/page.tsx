import { CopyField } from "@/components/copy-button";
import { PageHeader } from "@/components/page-header";
import { WorkspaceDeepLink } from "@/components/workspace-deep-link";
import { readSignInWorkspaces } from "@/lib/auth/read-sign-in-workspaces";
import { readSignInPolicy } from "@/lib/auth/sign-in-policy";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { instanceOwnerContact } from "@/lib/users/instance-owner";
import { WhoMaySignIn } from "./who-may-sign-in";

export const metadata = { title: "Authentication" };

export default async function AuthenticationSettingsPage() {
  const user = await requireUser("/settings/authentication");
  const config = env();
  const [policy, owner, signInWorkspaces] = await Promise.all([readSignInPolicy(), instanceOwnerContact(), readSignInWorkspaces(user.id)]);
  const callbackUrl = `${config.APP_URL}/api/auth/callback/bitbucket`;
  const envLines = [
    `APP_URL=${config.APP_URL}`,
    "BITBUCKET_LOGIN_CLIENT_ID=<the consumer's Key>",
    "BITBUCKET_LOGIN_CLIENT_SECRET=<the consumer's Secret>",
  ].join("\n");

  return (
    <>
      <PageHeader
        title="Authentication"
        description="People sign in here with their Bitbucket account, through an OAuth consumer used only for sign-in."
      />

      <WhoMaySignIn policy={policy} owner={owner} ownerEmailSetting={config.INSTANCE_OWNER_EMAIL} viewerIsInstanceOwner={user.role === "owner"} />

      <section aria-labelledby="current" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="current" className="font-semibold">Current login consumer</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">Host URL</dt>
          <dd className="font-mono">{config.BITBUCKET_HOST_URL}</dd>
          <dt className="text-slate-500">API URL</dt>
          <dd className="font-mono">{config.BITBUCKET_API_URL}</dd>
          <dt className="text-slate-500">Key</dt>
          <dd className="font-mono">••••{config.BITBUCKET_LOGIN_CLIENT_ID.slice(-4)}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-600">
          When no login consumer is configured, <code>npm start</code> runs the bundled Bitbucket sandbox and creates one there,
          so people can sign in with the sandbox’s users.
        </p>
      </section>

      <section aria-labelledby="own" className="mt-6 space-y-5 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="own" className="font-semibold">Use your own login consumer (production)</h2>
        <ol className="list-decimal space-y-5 pl-5 text-sm text-slate-700">
          <li>
            <p>Open the “Add consumer” page of the Bitbucket workspace that should own the consumer.</p>
            <div className="mt-2">
              <WorkspaceDeepLink hostUrl={config.BITBUCKET_HOST_URL} signInWorkspaces={signInWorkspaces} />
            </div>
          </li>
          <li className="space-y-2">
            <p>Fill in the form:</p>
            <ul className="list-disc space-y-1 pl-5">
              <li><strong>Name</strong>: what people will see on Bitbucket’s consent page, for example “vcs-connect sign-in”.</li>
              <li><strong>Callback URL</strong>: exactly this address (Bitbucket refuses sign-ins that come back anywhere else):</li>
            </ul>
            <CopyField label="Callback URL" value={callbackUrl} />
            <ul className="list-disc space-y-1 pl-5">
              <li><strong>Permissions</strong>: under Account, tick <strong>Email</strong> and <strong>Read</strong>. Nothing else: sign-in needs no repository access.</li>
              <li>“This is a private consumer” can stay unticked.</li>
            </ul>
          </li>
          <li>Save. Bitbucket shows the consumer’s <strong>Key</strong> and, on request, its <strong>Secret</strong>.</li>
          <li className="space-y-2">
            <p>
              Put them in the server’s environment (for example <code>.env.local</code>) and restart. <code>APP_URL</code> must be the
              address people use, since the callback URL is built from it.
            </p>
            <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{envLines}</pre>
          </li>
        </ol>
      </section>
    </>
  );
}
