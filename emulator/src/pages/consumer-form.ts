import { attr, html, raw, type SafeHtml } from "../html.js";
import { IMPLIES, PERMISSION_GROUPS } from "../scopes.js";
import type { SeedUser, SeedWorkspace } from "../seed.js";
import { csrfInput, layout } from "./layout.js";

export interface ConsumerFormValues {
  name: string;
  description: string;
  callbackUrl: string;
  url: string;
  privacyPolicyUrl: string;
  eulaUrl: string;
  isPrivate: boolean;
  scopes: string[];
}

export type ConsumerFormErrors = Partial<Record<keyof ConsumerFormValues, string>>;

export const EMPTY_CONSUMER_FORM: ConsumerFormValues = {
  name: "", description: "", callbackUrl: "", url: "", privacyPolicyUrl: "", eulaUrl: "", isPrivate: false, scopes: [],
};

export interface ConsumerFormPage {
  mode: "new" | "edit";
  workspace: SeedWorkspace;
  user: SeedUser;
  csrf: string;
  action: string;
  values: ConsumerFormValues;
  errors: ConsumerFormErrors;
}

// Ticking a permission ticks what it implies, as Bitbucket's form does; the server applies the same table.
const IMPLY_SCRIPT = raw(`<script>
document.querySelectorAll('input[name="scopes"]').forEach(function (box) {
  box.addEventListener('change', function () {
    if (!box.checked) return;
    (box.dataset.implies || '').split(' ').filter(Boolean).forEach(function (s) {
      var other = document.querySelector('input[name="scopes"][value="' + s + '"]');
      if (other && !other.checked) { other.checked = true; other.dispatchEvent(new Event('change')); }
    });
  });
});
</script>`);

function textField(id: string, name: keyof ConsumerFormValues, label: string, value: string, error: string | undefined, type = "text", required = false): SafeHtml {
  const errId = `${id}-error`;
  // Label text stays exactly the field name so getByLabel("Name", { exact: true }) finds it.
  return html`<label for="${id}">${label}</label>
    <input type="${type}" id="${id}" name="${name}" value="${value}"${attr(required, "required")}${
      error ? html` aria-invalid="true" aria-describedby="${errId}"` : ""}>
    ${error ? html`<p class="field-error" id="${errId}">${error}</p>` : ""}`;
}

function permissions(selected: readonly string[]): SafeHtml {
  return html`${PERMISSION_GROUPS.map((g) => html`<fieldset><legend>${g.group}</legend>${g.options.map((o) => {
    const id = `scope-${o.scope.replace(":", "-")}`;
    return html`<label class="check" for="${id}"><input type="checkbox" id="${id}" name="scopes" value="${o.scope}"
      data-implies="${(IMPLIES[o.scope] ?? []).join(" ")}"${attr(selected.includes(o.scope), "checked")}><span class="sr-only">${g.group}: </span>${o.label}</label>`;
  })}</fieldset>`)}`;
}

export function consumerFormPage(p: ConsumerFormPage): SafeHtml {
  const v = p.values;
  const e = p.errors;
  const heading = p.mode === "new" ? "Add OAuth consumer" : `Edit ${v.name || "OAuth consumer"}`;
  const hasErrors = Object.keys(e).length > 0;
  return layout({
    title: heading, user: p.user, csrf: p.csrf,
    body: html`<div class="card"><p class="muted">Workspace settings · ${p.workspace.name} · OAuth consumers</p>
      <h1>${heading}</h1>
      ${hasErrors ? html`<div class="alert" role="alert">Fix the fields marked below, then save again.</div>` : ""}
      <form method="post" action="${p.action}" novalidate>
        ${csrfInput(p.csrf)}
        ${textField("name", "name", "Name", v.name, e.name, "text", true)}
        <label for="description">Description</label>
        <textarea id="description" name="description" rows="3">${v.description}</textarea>
        ${textField("callback_url", "callbackUrl", "Callback URL", v.callbackUrl, e.callbackUrl, "url", true)}
        ${textField("url", "url", "URL", v.url, e.url, "url")}
        ${textField("privacy_policy_url", "privacyPolicyUrl", "Privacy policy URL", v.privacyPolicyUrl, e.privacyPolicyUrl, "url")}
        ${textField("eula_url", "eulaUrl", "EULA URL", v.eulaUrl, e.eulaUrl, "url")}
        <label class="check" for="is_private"><input type="checkbox" id="is_private" name="is_private" value="on"${attr(v.isPrivate, "checked")}>This is a private consumer</label>
        <h2 style="margin-top:16px">Permissions</h2>
        ${permissions(v.scopes)}
        <div class="actions"><button type="submit">Save</button>
          <a class="button subtle" href="/${p.workspace.slug}/workspace/settings/api">Cancel</a></div>
      </form></div>${IMPLY_SCRIPT}`,
  });
}
