import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { LocalTime } from "@/components/local-time";
import { listApiTokens, type ApiTokenView } from "@/lib/api-tokens/list-api-tokens";
import { listConnections } from "@/lib/connections/read-connections";
import { env } from "@/lib/env";
import { requireOrgAccess } from "@/lib/orgs/require-org-access";
import { SCOPE_INFO } from "@/lib/access/permissions";
import { hasRole } from "@/lib/access/roles";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export const metadata = { title: "API tokens" };

function When({ at, otherwise }: { at: Date | null; otherwise: string }) {
  return at ? <LocalTime iso={at.toISOString()} /> : <span className="text-slate-400">{otherwise}</span>;
}

/** When the token stops working; an expired one says so, and "Never" stands out as a choice someone made. */
function Expiry({ at }: { at: Date | null }) {
  if (!at) return <span className="font-medium text-amber-700">Never</span>;
  if (at.getTime() <= Date.now()) return <span className="font-medium text-red-700">Expired <LocalTime iso={at.toISOString()} /></span>;
  return <LocalTime iso={at.toISOString()} />;
}

export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const access = await requireOrgAccess((await params).org);
  const { slug } = access.organization;
  // Owners and admins see every member's tokens, so a leaked one can be revoked without its creator.
  const everyone = hasRole(access.role, "admin");
  const [tokens, connections] = await Promise.all([listApiTokens(access, { everyone }), listConnections(access)]);
  const apiUrl = `${env().APP_URL}/api/v1`;
  const example = `curl -H "Authorization: Bearer $VCS_CONNECT_TOKEN" \\\n  ${apiUrl}/organizations/${slug}/vcs`;

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Personal tokens for scripts and other apps to call this organization's VCS API, or to use its connections without their secrets. A token acts with your current role here, narrowed to the scopes and connections you choose: if your role changes or you leave, the token follows."
        actions={<Link href={`/orgs/${slug}/settings`} className="text-sm font-medium text-brand-700 hover:underline">Back to settings</Link>}
      />
      <section aria-labelledby="create-token-heading" className="mb-6 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="create-token-heading" className="mb-3 font-semibold">Create token</h2>
        <CreateTokenForm orgSlug={slug} connections={connections.map(({ id, name }) => ({ id, name }))} canManage={everyone} />
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
          <ul aria-labelledby="token-list-heading" className="divide-y divide-slate-200">
            {tokens.map((token) => (
              <TokenItem key={token.id} token={token} orgSlug={slug} showOwner={everyone} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** One token: what it is, what it may do, whose it is and its dates, then Revoke. Wraps instead of scrolling on a phone. */
function TokenItem({ token, orgSlug, showOwner }: { token: ApiTokenView; orgSlug: string; showOwner: boolean }) {
  const readOnly = token.scopes.length === 1 && token.scopes[0] === "connections:read";
  return (
    <li className={`flex flex-wrap items-start justify-between gap-3 px-5 py-3 text-sm ${token.revokedAt ? "text-slate-400" : ""}`}>
      <div className="min-w-0 flex-1 space-y-1">
        <p className="break-words">
          <span className="font-medium">{token.name}</span> <span className="font-mono text-xs text-slate-500">{token.prefix}…</span>
        </p>
        <p className="flex flex-wrap gap-1.5" aria-label="Scopes">
          {(readOnly ? ["Read only"] : token.scopes.map((scope) => SCOPE_INFO[scope].label)).map((label) => (
            <span key={label} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{label}</span>
          ))}
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 break-all">
            {token.connections ? `Only ${token.connections.map((c) => c.name).join(", ")}` : "All connections"}
          </span>
        </p>
        <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-500">
          {showOwner ? <Fact label="Owner">{token.mine ? "You" : (token.owner.name ?? token.owner.email ?? "Unknown")}</Fact> : null}
          <Fact label="Created"><When at={token.createdAt} otherwise="" /></Fact>
          <Fact label="Expires"><Expiry at={token.expiresAt} /></Fact>
          <Fact label="Last used"><When at={token.lastUsedAt} otherwise="Never" /></Fact>
        </dl>
      </div>
      {token.revokedAt ? (
        <span className="text-sm">Revoked <When at={token.revokedAt} otherwise="" /></span>
      ) : (
        <RevokeTokenButton orgSlug={orgSlug} id={token.id} name={token.name} />
      )}
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-1">
      <dt>{label}</dt>
      <dd className="text-slate-700">{children}</dd>
    </div>
  );
}
