import { PermissionChecklist } from "@/components/permission-checklist";
import type { TokenChecklistItem } from "@/lib/vcs/bitbucket-cloud/token-setup";

/**
 * What to do on Bitbucket's page, in its words: where it is, the name, the expiry and the
 * permissions to tick. The link appears once the page's address is known.
 */
export function TokenGuide({
  type,
  pageUrl,
  pageName,
  name,
  checklist,
}: {
  type: "access_token" | "api_token";
  pageUrl: string | null;
  pageName: string;
  name: string;
  checklist: TokenChecklistItem[];
}) {
  return (
    <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
      <li>
        {pageUrl ? (
          <a href={pageUrl} target="_blank" rel="noreferrer" className="font-medium break-all text-brand-700 underline" data-testid="token-page-link">
            Open {pageName} on Bitbucket
          </a>
        ) : (
          <span>Fill in what the token belongs to above; the link to {pageName} appears here.</span>
        )}{" "}
        and choose <strong>{type === "access_token" ? "Create access token" : "Create API token with scopes"}</strong>.
      </li>
      <li>
        <strong>Name</strong>: {name ? <span className="font-mono">{name}</span> : "this connection's name"}, so people recognise it later.
      </li>
      <li>
        <strong>Expiry</strong>: 90, 180 or 365 days, or a date{type === "api_token" ? " (at most a year)" : ""}. Choose the same below.
      </li>
      <li>
        <strong>{type === "access_token" ? "Permissions" : "Scopes"}</strong>: tick exactly these{type === "api_token" ? " (Bitbucket app)" : ""}.
        <div className="mt-2">
          <PermissionChecklist label="Permissions to tick on Bitbucket" items={checklist.map((item) => ({ checkbox: type === "api_token" ? `${item.label} (${item.scope})` : item.label }))} />
        </div>
      </li>
      <li>Create it, copy the token (Bitbucket shows it once) and paste it below.</li>
    </ol>
  );
}
