// Plain landing pages behind the links.html.href values the API returns.
import { html, type SafeHtml } from "../html.js";
import type { SeedRepo } from "../repos.js";
import type { SeedUser, SeedWorkspace } from "../seed.js";
import { layout } from "./layout.js";

export function workspacePage(ws: SeedWorkspace, repos: SeedRepo[], user: SeedUser | undefined, csrf: string): SafeHtml {
  const shown = repos.slice(0, 50);
  return layout({
    title: ws.name, user, csrf,
    body: html`<div class="card"><h1>${ws.name}</h1><p class="muted">Workspace <code>${ws.slug}</code> · ${repos.length} repositories</p>
      <ul>${shown.map((r) => html`<li><a href="/${ws.slug}/${r.slug}">${r.name}</a>${r.isPrivate ? " (private)" : ""}</li>`)}</ul>
      ${repos.length > shown.length ? html`<p class="muted">First ${shown.length} shown.</p>` : ""}</div>`,
  });
}

/** `extra` (the push form and webhooks) follows the repository card. */
export function repoPage(r: SeedRepo, user: SeedUser | undefined, csrf: string, extra?: SafeHtml): SafeHtml {
  return layout({
    title: `${r.workspace}/${r.slug}`, user, csrf,
    body: html`<div class="card"><h1>${r.name}</h1><p>${r.description}</p>
      <dl><dt>Main branch</dt><dd>${r.mainbranch}</dd><dt>Language</dt><dd>${r.language}</dd>
      <dt>Visibility</dt><dd>${r.isPrivate ? "Private" : "Public"}</dd></dl></div>${extra}`,
  });
}

export function userPage(u: SeedUser, viewer: SeedUser | undefined, csrf: string): SafeHtml {
  return layout({
    title: u.displayName, user: viewer, csrf,
    body: html`<div class="card"><img src="/account/${u.username}/avatar.svg" alt="" width="64" height="64">
      <h1>${u.displayName}</h1><p class="muted">${u.username}</p></div>`,
  });
}
