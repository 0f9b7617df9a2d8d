import { html, type SafeHtml } from "../html.js";
import { scopeLabel } from "../scopes.js";
import type { SeedUser } from "../seed.js";
import type { Consumer } from "../types.js";
import { csrfInput, layout } from "./layout.js";

export interface ConsentPage {
  consumer: Consumer;
  user: SeedUser;
  csrf: string;
  /** Authorize parameters echoed back on the POST. */
  params: { client_id: string; response_type: string; state: string | null; redirect_uri: string | null };
}

export function consentPage(p: ConsentPage): SafeHtml {
  const c = p.consumer;
  const hidden = Object.entries(p.params)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  return layout({
    title: `Authorize ${c.name}`, user: p.user, csrf: p.csrf,
    body: html`<div class="card" data-testid="consent">
      <h1><span data-testid="consent-consumer-name">${c.name}</span> is requesting access to your Bitbucket account</h1>
      ${c.description ? html`<p data-testid="consent-description">${c.description}</p>` : ""}
      ${c.url ? html`<p data-testid="consent-url">${/^https?:\/\//i.test(c.url) ? html`<a href="${c.url}" rel="noopener noreferrer">${c.url}</a>` : c.url}</p>` : ""}
      <p>You are signed in as <strong>${p.user.displayName}</strong> (${p.user.username}).</p>
      <h2>This app will be able to:</h2>
      <ul data-testid="consent-permissions">${c.scopes.map((s) => html`<li data-scope="${s}">${scopeLabel(s)}</li>`)}</ul>
      <form method="post" action="/site/oauth2/authorize">
        ${csrfInput(p.csrf)}${hidden}
        <div class="actions">
          <button type="submit" name="decision" value="grant">Grant access</button>
          <button type="submit" name="decision" value="cancel" class="subtle">Cancel</button>
        </div>
      </form></div>`,
  });
}
