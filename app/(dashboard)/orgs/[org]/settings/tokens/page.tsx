import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { listApiTokens, type ApiTokenView } from "@/lib/api-tokens/list-api-tokens";
import { env } from "@/lib/env";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { hasRole } from "@/lib/orgs/roles";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";
import { LocalTime } from "@/components/local-time";

export const metadata = { title: "API tokens" };


function When({ at, otherwise }: { at: Date | null; otherwise: string }) {
  return at ? <LocalTime iso={at.toISOString()} /> : <span className="text-slate-400">{otherwise}</span>;
}

export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const access = await requireOrgAccess((await params).org);
  const { slug } = access.organization;
  // Owners and admins see every member's tokens, so a leaked one can be revoked without its creator.
  const everyone = hasRole(access.role, "admin");
  const tokens = await listApiTokens(access, { everyone });
  const apiUrl = `${env().APP_URL}/api/v1`;
  const example = `curl -H "Authorization: Bearer $VCS_CONNECT_TOKEN" \\\n  ${apiUrl}/organizations/${slug}/vcs`;
  const columns = ["Name", "Token", ...(everyone ? ["Owner"] : []), "Created", "Last used", ""];

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Personal tokens for scripts and other apps to call this organization's VCS API. A token acts with your current role here: if your role changes or you leave, the token follows."
        actions={<Link href={`/orgs/${slug}/settings`} className="text-sm font-medium text-brand-700 hover:underline">Back to settings</Link>}
      />
      <section aria-labelledby="create-token-heading" className="mb-6 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="create-token-heading" className="mb-3 font-semibold">Create token</h2>
        <CreateTokenForm orgSlug={slug} />
      </section>
      <section aria-labelledby="use-api-heading" className="mb-6 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="use-api-heading" className="font-semibold">Use the API</h2>
        <p className="mt-1 text-sm text-slate-600">
          Send the token as a bearer token. This lists the organization&apos;s connections; the full reference is the{" "}
          <a href={`${apiUrl}/openapi.json`} className="font-medium text-brand-700 hover:underline">OpenAPI document</a>.
        </p>
        <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs text-slate-100">{example}</pre>
      </section>
      {tokens.length === 0 ? (
        <EmptyState title="No tokens yet">Create one above; it is shown once, then only its first characters.</EmptyState>
      ) : (
        <section aria-labelledby="token-list-heading" className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <h2 id="token-list-heading" className="border-b border-slate-200 px-5 py-3 font-semibold">
            {everyone ? "Tokens in this organization" : "Your tokens"}
          </h2>
          <table className="min-w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                {columns.map((heading, index) => (
                  <th key={heading || index} scope="col" className="px-4 py-2">
                    {heading || <span className="sr-only">Actions</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {tokens.map((token) => (
                <TokenRow key={token.id} token={token} orgSlug={slug} showOwner={everyone} />
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function TokenRow({ token, orgSlug, showOwner }: { token: ApiTokenView; orgSlug: string; showOwner: boolean }) {
  return (
    <tr className={token.revokedAt ? "text-slate-400" : undefined}>
      <td className="px-4 py-2 font-medium">{token.name}</td>
      <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{token.prefix}…</td>
      {showOwner ? <td className="px-4 py-2 break-all">{token.mine ? "You" : (token.owner.name ?? token.owner.email ?? "Unknown")}</td> : null}
      <td className="px-4 py-2 whitespace-nowrap"><When at={token.createdAt} otherwise="" /></td>
      <td className="px-4 py-2 whitespace-nowrap"><When at={token.lastUsedAt} otherwise="Never" /></td>
      <td className="px-4 py-2 text-right whitespace-nowrap">
        {token.revokedAt ? (
          <span>Revoked <When at={token.revokedAt} otherwise="" /></span>
        ) : (
          <RevokeTokenButton orgSlug={orgSlug} id={token.id} name={token.name} />
        )}
      </td>
    </tr>
  );
}
