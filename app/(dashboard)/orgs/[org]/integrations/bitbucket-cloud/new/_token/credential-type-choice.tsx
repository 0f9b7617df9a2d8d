import Link from "next/link";
import { CREDENTIAL_TYPE_LABELS, type CredentialType } from "@/lib/vcs/credential";

const SUMMARY: Record<CredentialType, string> = {
  oauth_consumer: "A workspace's OAuth consumer, authorized by a person. Tokens refresh themselves.",
  access_token: "A repository's, project's or workspace's own token (Bearer). Sees only that resource.",
  api_token: "An Atlassian account's token with scopes, used with its email (Basic).",
};

/** What the connection authenticates with; each choice has its own guided setup. */
export function CredentialTypeChoice({ orgSlug, current }: { orgSlug: string; current: CredentialType }) {
  return (
    <nav aria-label="Connect with" className="mb-6">
      <p className="mb-2 text-sm font-semibold text-slate-700">Connect with</p>
      <ul className="grid gap-3 md:grid-cols-3">
        {(Object.keys(CREDENTIAL_TYPE_LABELS) as CredentialType[]).map((type) => (
          <li key={type}>
            <Link
              href={`/orgs/${orgSlug}/integrations/bitbucket-cloud/new${type === "oauth_consumer" ? "" : `?with=${type}`}`}
              aria-current={type === current ? "page" : undefined}
              className={`block h-full rounded-lg border p-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${type === current ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600" : "border-slate-200 bg-white hover:border-slate-400"}`}
            >
              <span className="block font-medium">{CREDENTIAL_TYPE_LABELS[type]}</span>
              <span className="mt-1 block text-sm text-slate-600">{SUMMARY[type]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
