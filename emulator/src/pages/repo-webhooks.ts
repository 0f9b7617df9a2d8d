// Repository page additions: "Push a commit" form and the repository's webhooks with recent deliveries.
import { html, type SafeHtml } from "../html.js";
import type { Hook } from "../types.js";
import type { Attempt, Delivery } from "../webhooks/delivery-log.js";
import { csrfInput } from "./layout.js";

export interface PushFormView {
  action: string;
  csrf: string;
  branch: string;
  message: string;
  errors: { branch?: string | undefined; message?: string | undefined; form?: string | undefined };
}

export interface RepoActivityView {
  fullName: string;
  flash: string | null;
  /** null: the viewer may not push. */
  push: PushFormView | null;
  /** null: the viewer is not a repository admin. */
  hooks: { hook: Hook; deliveries: Delivery[] }[] | null;
}

function field(id: string, name: string, label: string, value: string, error: string | undefined, placeholder = ""): SafeHtml {
  const errId = `${id}-error`;
  return html`<label for="${id}">${label}</label>
    <input type="text" id="${id}" name="${name}" value="${value}"${placeholder ? html` placeholder="${placeholder}"` : ""}${
      error ? html` aria-invalid="true" aria-describedby="${errId}"` : ""}>
    ${error ? html`<p class="field-error" id="${errId}">${error}</p>` : ""}`;
}

function pushForm(f: PushFormView): SafeHtml {
  return html`<section class="card" aria-labelledby="push-heading" data-testid="push-form">
    <h2 id="push-heading">Push a commit</h2>
    <p class="muted">Simulates a git push by you. Webhooks subscribed to <code>repo:push</code> receive it.</p>
    ${f.errors.form ? html`<div class="alert" role="alert">${f.errors.form}</div>` : ""}
    <form method="post" action="${f.action}">${csrfInput(f.csrf)}
      ${field("push-branch", "branch", "Branch", f.branch, f.errors.branch)}
      ${field("push-message", "message", "Commit message", f.message, f.errors.message, "Update README.md")}
      <div class="actions"><button type="submit">Push</button></div>
    </form></section>`;
}

const when = (iso: string) => iso.replace("T", " ").replace(/(\.\d+)?Z$/, " UTC");

function response(a: Attempt): SafeHtml {
  return a.status !== null ? html`<span data-testid="delivery-status">${a.status}</span>` : html`<span class="muted">${a.error ?? "no response"}</span>`;
}

function deliveryRows(d: Delivery): SafeHtml[] {
  if (d.skipped) return [html`<tr><td>${when(d.createdAt)}</td><td><code>${d.eventKey}</code></td><td>–</td><td>Not sent: ${d.skipped}</td></tr>`];
  const rows = d.attempts.map((a) => html`<tr data-testid="delivery-attempt"><td>${when(a.at)}</td><td><code>${d.eventKey}</code></td>
    <td>${a.number}</td><td>${response(a)}</td></tr>`);
  if (!d.finished) rows.push(html`<tr><td>${when(d.createdAt)}</td><td><code>${d.eventKey}</code></td><td>${d.attempts.length + 1}</td><td class="muted">in progress</td></tr>`);
  return rows;
}

function hookCard(h: Hook, deliveries: Delivery[]): SafeHtml {
  return html`<section class="card" data-testid="webhook" data-hook-uuid="${h.uuid}">
    <h3>${h.description || h.url}</h3>
    <dl><dt>URL</dt><dd><code>${h.url}</code></dd>
      <dt>Triggers</dt><dd>${h.events.map((e, i) => html`${i > 0 ? ", " : ""}<code>${e}</code>`)}</dd>
      <dt>Status</dt><dd>${h.active ? "Active" : "Inactive"}</dd>
      <dt>Secret</dt><dd>${h.secret !== null ? "Set" : "None"}</dd></dl>
    <h4>Recent deliveries</h4>
    ${deliveries.length === 0
      ? html`<p class="muted">No deliveries yet.</p>`
      : html`<table><thead><tr><th>Time</th><th>Event</th><th>Attempt</th><th>Response</th></tr></thead>
        <tbody>${deliveries.map(deliveryRows)}</tbody></table>`}
  </section>`;
}

export function repoActivitySection(v: RepoActivityView): SafeHtml {
  const hooks = v.hooks;
  return html`${v.flash ? html`<div class="notice" role="status">${v.flash}</div>` : ""}
    ${v.push ? pushForm(v.push) : ""}
    ${hooks === null ? "" : html`<div class="card" data-testid="webhooks"><h2>Webhooks</h2>
      ${hooks.length === 0
        ? html`<p class="muted">This repository has no webhooks. Add one through the API:
            <code>POST /2.0/repositories/${v.fullName}/hooks</code>.</p>`
        : html`<p class="muted">Deliveries run in the background. <a href="/${v.fullName}">Reload</a> to see new attempts.</p>`}</div>
      ${hooks.map((h) => hookCard(h.hook, h.deliveries))}`}`;
}
