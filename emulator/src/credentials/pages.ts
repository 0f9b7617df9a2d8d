// The "Access tokens" settings page (repository, project or workspace) and the account's "API tokens" page.
import { attr, html, type SafeHtml } from "../html.js";
import { csrfInput, layout } from "../pages/layout.js";
import type { SeedUser } from "../seed.js";
import { ACCESS_TOKEN_GROUPS, API_TOKEN_SCOPES } from "./scopes.js";

export interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  created: string;
  expires: string;
  state: "Active" | "Expired" | "Revoked";
}

export interface TokenFormValues {
  name: string;
  expiry: string;
  expiryDate: string;
  scopes: string[];
}

export interface TokenPage {
  kind: "access" | "api";
  /** "Repository settings · Acme Inc / api-gateway". */
  breadcrumb: string;
  user: SeedUser;
  csrf: string;
  action: string;
  values: TokenFormValues;
  errors: Partial<Record<keyof TokenFormValues, string>>;
  /** Shown once, right after creation. */
  created: { name: string; token: string; gitUsername: string; email?: string | undefined } | null;
  tokens: TokenRow[];
}

export const EMPTY_TOKEN_FORM: TokenFormValues = { name: "", expiry: "90", expiryDate: "", scopes: [] };

function fieldError(id: string, error: string | undefined): SafeHtml {
  return error ? html`<p class="field-error" id="${id}-error">${error}</p>` : html``;
}

const invalid = (id: string, error: string | undefined) => (error ? html` aria-invalid="true" aria-describedby="${id}-error"` : html``);

function expiryField(p: TokenPage): SafeHtml {
  const v = p.values;
  const options: [string, string][] = p.kind === "access"
    ? [["90", "90 days"], ["180", "180 days"], ["365", "365 days"], ["custom", "Custom date"], ["none", "No expiry"]]
    : [["90", "90 days"], ["180", "180 days"], ["365", "1 year"], ["custom", "Custom date"]];
  return html`<label for="expiry">Expiry</label>
    <select id="expiry" name="expiry"${invalid("expiry", p.errors.expiry)}>${options.map(([value, label]) =>
      html`<option value="${value}"${attr(v.expiry === value, "selected")}>${label}</option>`)}</select>
    ${fieldError("expiry", p.errors.expiry)}
    <label for="expiry_date">Expiry date <span class="muted">(with Custom date)</span></label>
    <input type="date" id="expiry_date" name="expiryDate" value="${v.expiryDate}"${invalid("expiry_date", p.errors.expiryDate)}>
    ${fieldError("expiry_date", p.errors.expiryDate)}`;
}

function scopeFields(p: TokenPage): SafeHtml {
  const selected = p.values.scopes;
  const box = (scope: string, label: string, group: string) => {
    const id = `scope-${scope.replaceAll(":", "-")}`;
    return html`<label class="check" for="${id}"><input type="checkbox" id="${id}" name="scopes" value="${scope}"${
      attr(selected.includes(scope), "checked")}><span class="sr-only">${group}: </span>${label}</label>`;
  };
  const body = p.kind === "access"
    ? ACCESS_TOKEN_GROUPS.map((g) => html`<fieldset><legend>${g.group}</legend>${g.options.map((o) => box(o.scope, o.label, g.group))}</fieldset>`)
    : html`<fieldset><legend>Bitbucket</legend>${API_TOKEN_SCOPES.map((s) => html`<div>${box(s.scope, s.label, "Bitbucket")} <code>${s.scope}</code></div>`)}</fieldset>`;
  return html`<h2 style="margin-top:16px">${p.kind === "access" ? "Scopes" : "Scopes"}</h2>${body}${fieldError("scopes", p.errors.scopes)}`;
}

function createdNotice(p: TokenPage): SafeHtml {
  const c = p.created;
  if (!c) return html``;
  return html`<div class="notice" role="status" data-testid="token-created">
    <p><strong>${c.name}</strong> was created. Copy the token now: you will not see it again.</p>
    <p><code data-testid="new-token">${c.token}</code></p>
    ${c.email ? html`<p>Use it with your email address <code data-testid="token-email">${c.email}</code> (HTTP Basic), not your username.</p>` : html``}
    <p class="muted">Git over HTTPS: username <code>${c.gitUsername}</code>.</p></div>`;
}

function tokenTable(p: TokenPage): SafeHtml {
  if (p.tokens.length === 0) return html`<p class="muted">No tokens yet.</p>`;
  return html`<div style="overflow-x:auto"><table><thead><tr><th>Name</th><th>Scopes</th><th>Created</th><th>Expires</th><th>Status</th><th></th></tr></thead>
    <tbody>${p.tokens.map((t) => html`<tr data-testid="token-row"><td>${t.name}</td><td>${t.scopes.join(", ")}</td><td>${t.created}</td>
      <td>${t.expires}</td><td>${t.state}</td><td>${t.state === "Revoked" ? "" : html`<form method="post" action="${p.action}/${t.id}/revoke">${
        csrfInput(p.csrf)}<button type="submit" class="subtle">Revoke</button></form>`}</td></tr>`)}</tbody></table></div>`;
}

export function tokenPage(p: TokenPage): SafeHtml {
  const title = p.kind === "access" ? "Access tokens" : "API tokens";
  const hasErrors = Object.keys(p.errors).length > 0;
  return layout({
    title, user: p.user, csrf: p.csrf,
    body: html`<div class="card"><p class="muted">${p.breadcrumb}</p><h1>${title}</h1>
      ${createdNotice(p)}
      ${hasErrors ? html`<div class="alert" role="alert">Fix the fields marked below, then create again.</div>` : ""}
      <h2>${p.kind === "access" ? "Create access token" : "Create API token with scopes"}</h2>
      <form method="post" action="${p.action}" novalidate>${csrfInput(p.csrf)}
        <label for="token_name">Name</label>
        <input type="text" id="token_name" name="name" value="${p.values.name}"${invalid("token_name", p.errors.name)}>
        ${fieldError("token_name", p.errors.name)}
        ${expiryField(p)}
        ${scopeFields(p)}
        <div class="actions"><button type="submit">Create</button></div>
      </form></div>
      <div class="card"><h2>Your tokens</h2>${tokenTable(p)}</div>`,
  });
}
