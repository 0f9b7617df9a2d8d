import { html, type SafeHtml } from "../html.js";
import { scopeLabel } from "../scopes.js";
import type { SeedUser, SeedWorkspace } from "../seed.js";
import type { Consumer } from "../types.js";
import { csrfInput, layout } from "./layout.js";

export interface ConsumerListPage {
  workspace: SeedWorkspace;
  user: SeedUser;
  csrf: string;
  consumers: Consumer[];
  flash: string | null;
}

function consumerCard(ws: string, c: Consumer, csrf: string): SafeHtml {
  const base = `/${ws}/workspace/settings/oauth-consumers/${encodeURIComponent(c.key)}`;
  return html`<section class="card" data-testid="consumer" data-consumer-key="${c.key}" aria-label="${c.name}">
    <h3 data-testid="consumer-name">${c.name}</h3>
    ${c.description ? html`<p>${c.description}</p>` : ""}
    <dl>
      <dt>Key</dt><dd><code data-testid="consumer-key">${c.key}</code></dd>
      <dt>Secret</dt><dd><details><summary>Show secret</summary><code data-testid="consumer-secret">${c.secret}</code></details></dd>
      <dt>Callback URL</dt><dd data-testid="consumer-callback-url">${c.callbackUrl || html`<span class="muted">none</span>`}</dd>
      ${c.url ? html`<dt>URL</dt><dd>${c.url}</dd>` : ""}
      <dt>Type</dt><dd data-testid="consumer-privacy">${c.isPrivate ? "Private" : "Public"}</dd>
      <dt>Permissions</dt><dd><ul data-testid="consumer-permissions">${c.scopes.map(
        (s) => html`<li data-scope="${s}">${scopeLabel(s)}</li>`,
      )}</ul></dd>
    </dl>
    <div class="actions"><a class="button subtle" href="${base}/edit">Edit</a>
      <form method="post" action="${base}/delete">${csrfInput(csrf)}<button class="danger" type="submit">Delete</button></form></div>
  </section>`;
}

export function consumerListPage(p: ConsumerListPage): SafeHtml {
  const ws = p.workspace.slug;
  return layout({
    title: "OAuth consumers", user: p.user, csrf: p.csrf,
    body: html`<p class="muted">Workspace settings · ${p.workspace.name}</p>
      ${p.flash ? html`<div class="notice" role="status">${p.flash}</div>` : ""}
      <div class="card"><h1>OAuth consumers</h1>
        <p>Apps that connect to this workspace through OAuth 2.0.</p>
        <a class="button" href="/${ws}/workspace/settings/oauth-consumers/new">Add consumer</a></div>
      ${p.consumers.length === 0
        ? html`<div class="card"><p class="muted">There are no OAuth consumers in this workspace.</p></div>`
        : p.consumers.map((c) => consumerCard(ws, c, p.csrf))}`,
  });
}
